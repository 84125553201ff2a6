import Synchronization

/// An async pause of the upstream code (rate limit, retry back-off). Production uses
/// `Sleepers.task`; tests inject one that records the durations and returns at once.
typealias Sleeper = @Sendable (Duration) async throws(CancellationError) -> Void

enum Sleepers {
    /// `Task.sleep`: suspends the task, never blocks a thread; cancellation ends it early.
    static let task: Sleeper = { duration throws(CancellationError) in
        do { try await Task.sleep(for: duration) } catch { throw CancellationError() }
    }
}

/// The process-wide request spacing of geocoding.md §2.5: at least `interval` between two
/// request *starts*, across Nominatim and OSRM together.
///
/// Fair under concurrency: every caller reserves the next free slot under the lock
/// (`slot = max(now, lastSlot + interval)`) and then sleeps until it outside the lock, so
/// callers start in arrival order and nobody re-contends after waking. A caller cancelled
/// while waiting keeps its slot (the following callers are spaced as if it had started),
/// which errs on the side of the upstream's limit.
final class RateLimiter: Sendable {
    /// The minimum distance between two request starts (`1 / OSM_RATE_LIMIT` seconds).
    let interval: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: Sleeper
    private let lastSlot = Mutex<ContinuousClock.Instant?>(nil)

    /// A limiter allowing `requestsPerSecond` starts per second (must be > 0).
    init(requestsPerSecond: Double, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
         sleep: @escaping Sleeper = Sleepers.task) {
        precondition(requestsPerSecond > 0 && requestsPerSecond.isFinite, "OSM_RATE_LIMIT must be positive")
        interval = .seconds(1 / requestsPerSecond)
        self.now = now
        self.sleep = sleep
    }

    /// Reserves the next start slot and suspends until it has come. Throws only when the
    /// calling task is cancelled while waiting.
    func acquire() async throws(CancellationError) {
        let wait = lastSlot.withLock { last -> Duration in
            let current = now()
            let slot = last.map { max(current, $0.advanced(by: interval)) } ?? current
            last = slot
            return current.duration(to: slot)
        }
        if wait > .zero { try await sleep(wait) }
    }
}
