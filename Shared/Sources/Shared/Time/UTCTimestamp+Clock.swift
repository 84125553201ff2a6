internal import Glibc
internal import CSystem

extension UTCTimestamp {
    /// The current wall-clock instant (`CLOCK_REALTIME`).
    public static func now() -> UTCTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCTimestamp(microsecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec / 1000))
    }

    /// The UTC calendar date of this instant.
    public var date: LocalDate {
        let (year, month, day) = Timestamp.civil(fromDays: secondsSinceEpoch.floorDivided(by: 86_400))
        return LocalDate(year: Int(year), month: month, day: day)!
    }

    /// This instant moved by `seconds` (negative goes back).
    public func adding(seconds: Int64) -> UTCTimestamp {
        UTCTimestamp(microsecondsSinceEpoch: microsecondsSinceEpoch + seconds * 1_000_000)
    }

    /// Naive ISO-8601 as Python's `isoformat()` writes UTC values without zone:
    /// `2025-06-07T10:11:12`, with `.ffffff` only when the microseconds are not zero.
    public var isoNaive: String {
        let text = description  // YYYY-MM-DD HH:MM:SS.ffffff+00
        let date = text.prefix(10), time = text.dropFirst(11).prefix(8)
        let micros = microsecondsSinceEpoch - secondsSinceEpoch * 1_000_000
        return date + "T" + time + (micros == 0 ? "" : "." + LocalDate.pad(Int(micros), 6))
    }

    /// Parses ISO-8601 with any zone offset (`2025-09-03T11:53:44+02:00`, `…Z`, `…+0530`) or
    /// none (read as UTC), with optional fractional seconds; nil when malformed.
    public init?(iso8601 text: some StringProtocol) {
        var body = Substring(text)
        var offsetSeconds: Int64 = 0
        if body.hasSuffix("Z") {
            body = body.dropLast()
        } else if body.count > 19, let signIndex = body.dropFirst(19).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = body[body.index(after: signIndex)...].filter { $0 != ":" }
            guard zone.count == 4 || zone.count == 2, let value = Int(zone), zone.allSatisfy(\.isASCII) else { return nil }
            let hours = zone.count == 4 ? value / 100 : value, minutes = zone.count == 4 ? value % 100 : 0
            guard hours < 24, minutes < 60 else { return nil }
            offsetSeconds = Int64(hours * 3600 + minutes * 60) * (body[signIndex] == "-" ? -1 : 1)
            body = body[..<signIndex]
        }
        guard let local = UTCTimestamp(body) else { return nil }
        self = local.adding(seconds: -offsetSeconds)
    }
}

extension LocalDate {
    /// Today's UTC date (the services run in UTC).
    public static func today() -> LocalDate { UTCTimestamp.now().date }
}

extension JSONValue {
    /// A timestamp as the APIs show it: ISO-8601 naive UTC (`isoNaive`), `null` when absent.
    public static func isoNaive(_ value: UTCTimestamp?) -> JSONValue { value.map { .string($0.isoNaive) } ?? .null }
}
