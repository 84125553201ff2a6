/// An instant in UTC with microsecond precision, as PostgreSQL stores `timestamp` and
/// `timestamptz`. Kept deliberately small: microseconds since 1970-01-01T00:00:00Z.
///
/// Text form (what the database receives and returns with `DateStyle=ISO, TimeZone=UTC`):
/// `YYYY-MM-DD HH:MM:SS[.ffffff][+00[:00]]`. A `timestamp` (without zone) column is read as
/// UTC; a zone offset other than zero is rejected, because connections always run in UTC.
public struct UTCTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch (negative before 1970).
    public let microsecondsSinceEpoch: Int64

    /// The instant `microsecondsSinceEpoch` µs after the epoch.
    public init(microsecondsSinceEpoch: Int64) { self.microsecondsSinceEpoch = microsecondsSinceEpoch }

    /// The instant `seconds` after the epoch.
    public init(secondsSinceEpoch seconds: Int64) { microsecondsSinceEpoch = seconds * 1_000_000 }

    /// Whole seconds since the epoch (rounded down).
    public var secondsSinceEpoch: Int64 { microsecondsSinceEpoch.floorDivided(by: 1_000_000) }

    /// Parses the text form described on the type; nil if malformed or not UTC.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "Z") { bytes.removeLast() }
        for suffix in ["+00:00", "+00"] where bytes.count > 19 && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            bytes.removeLast(suffix.utf8.count)
            break
        }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = LocalDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = LocalDate.digits(bytes[11..<13]), hour < 24,
              let minute = LocalDate.digits(bytes[14..<16]), minute < 60,
              let second = LocalDate.digits(bytes[17..<19]), second < 60 else { return nil }
        var micros = 0
        if bytes.count > 19 {
            let fraction = bytes[20...]
            guard bytes[19] == UInt8(ascii: "."), (1...6).contains(fraction.count),
                  let value = LocalDate.digits(fraction) else { return nil }
            micros = value
            for _ in fraction.count..<6 { micros *= 10 }
        }
        let seconds = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        microsecondsSinceEpoch = seconds * 1_000_000 + Int64(micros)
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`: accepted by both `timestamp` and `timestamptz`.
    public var description: String {
        let seconds = secondsSinceEpoch
        let micros = Int(microsecondsSinceEpoch - seconds * 1_000_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = Timestamp.civil(fromDays: days)
        return LocalDate.pad(Int(year), 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
            + " " + LocalDate.pad(secondOfDay / 3600, 2) + ":" + LocalDate.pad(secondOfDay / 60 % 60, 2)
            + ":" + LocalDate.pad(secondOfDay % 60, 2) + "." + LocalDate.pad(micros, 6) + "+00"
    }

    /// Orders by instant.
    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}
