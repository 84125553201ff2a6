internal import Shared

/// The dates and timestamps of the phone-call API.
enum PhoneCallCalendar {
    /// The RFC 822 form Flask-RESTful's `DateTime` field wrote for naive UTC values
    /// (`email.utils.formatdate(…, localtime=False)`): `Mon, 09 Jun 2025 10:30:00 -0000`.
    /// The read model produces the same text in SQL (`PhoneCallColumns.record`).
    static func rfc822(_ timestamp: UTCTimestamp) -> String {
        let seconds = timestamp.secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = timestamp.date
        let weekday = weekdays[Int(((days % 7) + 7 + 3) % 7)]  // 1970-01-01 was a Thursday (index 3)
        return weekday + ", " + PhoneCallTime.pad(date.day) + " " + months[date.month - 1] + " "
            + String(repeating: "0", count: max(0, 4 - String(date.year).count)) + String(date.year) + " "
            + PhoneCallTime.pad(secondOfDay / 3600) + ":" + PhoneCallTime.pad(secondOfDay / 60 % 60) + ":"
            + PhoneCallTime.pad(secondOfDay % 60) + " -0000"
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Parses what the original's `fromisoformat` accepted for a date field: an ISO date
    /// `YYYY-MM-DD`, or an ISO datetime starting with one (`2025-06-10T09:30`,
    /// `2025-06-10 09:30:00.5+02:00`), of which only the date counts.
    static func isoDate(_ text: String) -> LocalDate? {
        guard let date = LocalDate(text.prefix(10)) else { return nil }
        if text.utf8.count == 10 { return date }
        let rest = Array(text.utf8.dropFirst(10))
        guard rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: " ") else { return nil }
        return isoTimeOfDay(rest.dropFirst()) ? date : nil
    }

    /// `HH[:MM[:SS[.f…]]]` with an optional `Z` or `±HH[:MM]` zone.
    static func isoTimeOfDay(_ bytes: ArraySlice<UInt8>) -> Bool {
        var body = bytes
        if body.last == UInt8(ascii: "Z") {
            body = body.dropLast()
        } else if let sign = body.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let zone = body[(sign + 1)...].filter { $0 != UInt8(ascii: ":") }
            guard zone.count == 2 || zone.count == 4, let value = LocalDate.digits(zone[...]),
                  value / (zone.count == 4 ? 100 : 1) < 24 else { return false }
            body = body[..<sign]
        }
        var fraction: ArraySlice<UInt8> = []
        if let dot = body.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
            fraction = body[(dot + 1)...]
            body = body[..<dot]
            guard (1...9).contains(fraction.count), LocalDate.digits(fraction) != nil else { return false }
        }
        let parts = body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), fraction.isEmpty || parts.count == 3 else { return false }
        let limits = [23, 59, 59]
        for (index, part) in parts.enumerated() {
            guard part.count == 2, let value = LocalDate.digits(part), value <= limits[index] else { return false }
        }
        return true
    }
}

extension LocalDate {
    /// The next calendar day.
    func nextDay() -> LocalDate {
        if let next = LocalDate(year: year, month: month, day: day + 1) { return next }
        if let next = LocalDate(year: year, month: month + 1, day: 1) { return next }
        return LocalDate(year: year + 1, month: 1, day: 1) ?? self
    }
}
