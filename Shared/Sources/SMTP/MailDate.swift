import Shared

/// RFC 5322 dates for the `Date:` header, always in UTC: `Mon, 23 Nov 2026 10:11:12 +0000`.
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]   // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The header value for `instant`.
    static func format(_ instant: UTCTimestamp) -> String {
        let seconds = instant.secondsSinceEpoch
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - dayNumber * 86_400)
        let date = instant.date
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        return "\(weekday), \(date.day) \(months[date.month - 1]) \(date.year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
