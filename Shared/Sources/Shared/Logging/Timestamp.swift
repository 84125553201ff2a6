#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// UTC timestamps like `2026-05-04T10:11:12.345Z`, computed without Foundation formatters.
public enum Timestamp {
    /// Formats an instant given as seconds since 1970-01-01T00:00:00Z plus milliseconds
    /// (milliseconds outside 0–999 carry into the seconds).
    public static func iso8601Millis(secondsSinceEpoch: Int64, millis: Int) -> String {
        let carry = Int64(millis.floorDivided(by: 1000))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendSeconds(secondsSinceEpoch + carry, to: &bytes)
        appendMillis(millis.floorModulo(1000), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The current time, from `clock_gettime(CLOCK_REALTIME)`.
    public static func now() -> String {
        var bytes: [UInt8] = []
        appendNow(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the current time; the `YYYY-MM-DDTHH:MM:SS` part is formatted once per second.
    static func appendNow(to buffer: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let second = Int64(spec.tv_sec)
        let prefix = cache.withLock { cached in
            if cached.second != second {
                var bytes: [UInt8] = []
                appendSeconds(second, to: &bytes)
                cached = (second, bytes)
            }
            return cached.prefix
        }
        buffer.append(contentsOf: prefix)
        appendMillis(Int(spec.tv_nsec / 1_000_000), to: &buffer)
    }

    private static let cache = Mutex<(second: Int64, prefix: [UInt8])>((Int64.min, []))

    /// `YYYY-MM-DDTHH:MM:SS` for `seconds` since the epoch.
    private static func appendSeconds(_ seconds: Int64, to buffer: inout [UInt8]) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        if (0...9999).contains(year) { appendDigits(Int(year), count: 4, to: &buffer) }
        else { buffer.append(contentsOf: String(year).utf8) }
        buffer.append(UInt8(ascii: "-")); appendDigits(month, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-")); appendDigits(day, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: "T")); appendDigits(secondOfDay / 3600, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":")); appendDigits(secondOfDay / 60 % 60, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":")); appendDigits(secondOfDay % 60, count: 2, to: &buffer)
    }

    private static func appendMillis(_ millis: Int, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "."))
        appendDigits(millis, count: 3, to: &buffer)
        buffer.append(UInt8(ascii: "Z"))
    }

    private static func appendDigits(_ value: Int, count: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097                                            // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100) // [0, 365]
        let shiftedMonth = (5 * dayOfYear + 2) / 153                                // March = 0
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension BinaryInteger {
    /// Division rounding towards negative infinity.
    func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder matching `floorDivided(by:)`, always with the divisor's sign.
    func floorModulo(_ divisor: Self) -> Self { self - floorDivided(by: divisor) * divisor }
}
