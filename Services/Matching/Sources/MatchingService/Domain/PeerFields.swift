internal import Shared

/// Small readers for the peer objects (patient.md §1, therapist.md §1) used by the matching rules.
extension JSONValue {
    /// The string member `key`, trimmed; nil when absent, not a string or blank.
    func text(_ key: String) -> String? {
        guard let value = self[key]?.stringValue?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// True only when member `key` is the boolean `true`.
    func flag(_ key: String) -> Bool { self[key]?.boolValue == true }

    /// True when this is a number equal to `id` (Python's `5.0 == 5`).
    func isNumber(equalTo id: Int) -> Bool { doubleValue.map { $0 == Double(id) } ?? false }
}

/// Gender as the preferences spell it: `männlich` → `Männlich`, `weiblich` → `Weiblich`; nil for
/// any other value, which therefore never satisfies a specific preference.
func preferenceGender(_ geschlecht: String?) -> String? {
    switch geschlecht {
    case "männlich": "Männlich"
    case "weiblich": "Weiblich"
    default: nil
    }
}
