internal import Synchronization

/// The in-memory statistics of a background worker (importers, queue and storage processors):
/// a snapshot behind a lock whose daily counters start again when the UTC date changes, checked
/// on every read and write, so a quiet night needs no timer.
public final class DailyStatistics<Snapshot: Sendable>: Sendable {
    private let state: Mutex<(day: LocalDate?, snapshot: Snapshot)>
    private let clock: @Sendable () -> UTCTimestamp
    private let newDay: @Sendable (inout Snapshot) -> Void

    /// Statistics starting at `initial`, reading time from `clock`; `newDay` resets the daily
    /// counters (it runs before the first change of each UTC day, also the very first).
    public init(_ initial: Snapshot, clock: @escaping @Sendable () -> UTCTimestamp = { .now() },
                newDay: @escaping @Sendable (inout Snapshot) -> Void) {
        state = Mutex((nil, initial))
        self.clock = clock
        self.newDay = newDay
    }

    /// A consistent copy, today's counters reset if the day changed.
    public var snapshot: Snapshot { update { _, _ in } }

    /// Applies `body` (with the current time) after the daily reset; returns the new snapshot.
    @discardableResult
    public func update(_ body: (inout Snapshot, UTCTimestamp) -> Void) -> Snapshot {
        let now = clock()
        return state.withLock { state in
            if state.day != now.date {
                state.day = now.date
                newDay(&state.snapshot)
            }
            body(&state.snapshot, now)
            return state.snapshot
        }
    }
}
