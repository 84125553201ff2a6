internal import Shared

/// §9 step 2: the next phone slot.
enum PhoneCallSlot {
    /// Phone-hour keys by ISO weekday (1 = Monday).
    static let keys = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]

    /// The first of the days today+1 … today+7 whose key holds a non-empty array whose first range
    /// is a string with a non-blank start; time = that start (`"8:00-9:00"` → `8:00`).
    /// Otherwise tomorrow at `defaultTime`.
    static func next(phoneHours: JSONValue?, today: LocalDate, defaultTime: String) -> (date: LocalDate, time: String) {
        for offset in 1...7 {
            let day = today.adding(days: offset)
            guard let first = phoneHours?[keys[day.isoWeekday - 1]]?.arrayValue?.first?.stringValue else { continue }
            let start = (first.split(separator: "-", omittingEmptySubsequences: false).first ?? "").trimmingWhitespace()
            if !start.isEmpty { return (day, start) }
        }
        return (today.adding(days: 1), defaultTime)
    }
}
