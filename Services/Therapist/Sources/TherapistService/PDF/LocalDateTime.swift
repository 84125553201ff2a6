#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

/// A wall-clock time in the process's time zone (`TZ`, UTC in the containers), to the
/// microsecond: what the original's `datetime.now()` and `datetime.fromtimestamp()` produced
/// for PDF names and listings.
public struct LocalDateTime: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int

    /// A given time.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second, self.microsecond) =
            (year, month, day, hour, minute, second, microsecond)
    }

    /// The local time of `seconds` since the epoch, rounded to microseconds half to even as
    /// Python's `datetime.fromtimestamp` does.
    public init(secondsSinceEpoch seconds: Double) {
        var whole = seconds.rounded(.towardZero)
        var micros = ((seconds - whole) * 1e6).rounded(.toNearestOrEven)
        if micros >= 1e6 { whole += 1; micros -= 1e6 } else if micros < 0 { whole -= 1; micros += 1e6 }
        var time = time_t(whole)
        var parts = tm()
        localtime_r(&time, &parts)
        self.init(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                  hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec), microsecond: Int(micros))
    }

    /// The current local time.
    public static func now() -> LocalDateTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return LocalDateTime(secondsSinceEpoch: Double(spec.tv_sec) + Double(spec.tv_nsec / 1000) * 1e-6)
    }

    /// `YYYYMMDD_HHMMSS` (`strftime('%Y%m%d_%H%M%S')`).
    public var compact: String {
        Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) + "_" + Self.pad(hour, 2) + Self.pad(minute, 2) + Self.pad(second, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]`, the fraction only when not zero (Python's `isoformat()`).
    public var isoFormat: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) + "T" + Self.pad(hour, 2) + ":"
            + Self.pad(minute, 2) + ":" + Self.pad(second, 2) + (microsecond == 0 ? "" : "." + Self.pad(microsecond, 6))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
