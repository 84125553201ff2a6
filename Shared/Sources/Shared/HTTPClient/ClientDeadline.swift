/// The instant by which a whole request must be done; converts what is left into the
/// millisecond timeouts `poll(2)` and connect take.
struct ClientDeadline: Sendable {
    /// When the request times out.
    let instant: ContinuousClock.Instant

    /// A deadline `timeout` from now.
    init(after timeout: Duration) {
        instant = ContinuousClock.now.advanced(by: max(timeout, .zero))
    }

    /// Milliseconds left, rounded up so a poll never spins on 0 early; 0 once expired.
    func remainingMilliseconds() -> Int32 {
        let left = ContinuousClock.now.duration(to: instant)
        return left <= .zero ? 0 : Self.milliseconds(left)
    }

    /// `duration` in whole milliseconds, rounded up and clamped to `Int32`.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        guard seconds < Int64(Int32.max / 1000) else { return Int32.max }
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(millis, Int64(Int32.max)))
    }
}
