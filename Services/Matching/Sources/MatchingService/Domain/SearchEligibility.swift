internal import Shared

/// §3.2 step 2: the first failing reason for creating a Platzsuche, or nil when the patient may search.
enum SearchEligibility {
    static func problem(with patient: JSONValue) -> String? {
        for field in ["geschlecht", "symptome", "krankenkasse", "geburtsdatum"] where isEmpty(patient[field]) {
            return "Patient field '\(field)' is required and cannot be empty"
        }
        for field in ["erfahrung_mit_psychotherapie", "offen_fuer_gruppentherapie"] where (patient[field] ?? .null).isNull {
            return "Patient field '\(field)' must be explicitly set (true/false)"
        }
        guard let times = patient["zeitliche_verfuegbarkeit"]?.objectValue, times.count > 0 else {
            return "Patient must have 'zeitliche_verfuegbarkeit' with at least one day/time"
        }
        let hasSlot = times.contains { day in
            (day.value.arrayValue ?? []).contains { !($0.stringValue?.trimmingWhitespace().isEmpty ?? true) }
        }
        if !hasSlot { return "Patient must have at least one valid time slot in 'zeitliche_verfuegbarkeit'" }
        if patient.flag("erfahrung_mit_psychotherapie"), isEmpty(patient["letzte_sitzung_vorherige_psychotherapie"]) {
            return "Field 'letzte_sitzung_vorherige_psychotherapie' is required when 'erfahrung_mit_psychotherapie' is true"
        }
        return nil
    }

    /// Absent, null or a whitespace-only string (an empty array is not empty here).
    private static func isEmpty(_ value: JSONValue?) -> Bool {
        guard let value, !value.isNull else { return true }
        return value.stringValue.map { $0.trimmingWhitespace().isEmpty } ?? false
    }
}
