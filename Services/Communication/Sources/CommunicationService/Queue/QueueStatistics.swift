internal import Shared

/// In-memory statistics of the email queue worker (communication.md §2.6): daily counters reset
/// when the UTC date changes (checked on every read and write). ⚠ The original recorded only
/// successful batches; here every batch with an outcome is recorded, failures included.
final class QueueStatistics: Sendable {
    /// One cycle's outcome.
    struct Batch: Sendable, Equatable {
        var sent: Int
        var failed: Int
        var time: UTCTimestamp
    }

    /// A consistent copy of the statistics.
    struct Snapshot: Sendable, Equatable {
        var running = false
        var lastCheck: UTCTimestamp?
        var sentToday = 0
        var failedToday = 0
        var lastError: String?
        var lastErrorTime: UTCTimestamp?
        var totalSent = 0
        var totalFailed = 0
        /// Up to 20 batches, oldest first (the status shows the last 10).
        var batches: [Batch] = []
    }

    private let days: DailyStatistics<Snapshot>

    init(clock: @escaping @Sendable () -> UTCTimestamp = { .now() }) {
        days = DailyStatistics(Snapshot(), clock: clock) {
            $0.sentToday = 0
            $0.failedToday = 0
        }
    }

    var snapshot: Snapshot { days.snapshot }

    func setRunning(_ running: Bool) { update { state, _ in state.running = running } }

    func recordCheck() { update { state, now in state.lastCheck = now } }

    /// A cycle sent `sent` and finally failed `failed` emails (temporary failures that will be
    /// retried count as neither).
    func recordBatch(sent: Int, failed: Int) {
        guard sent + failed > 0 else { return }
        update { state, now in
            state.sentToday += sent
            state.failedToday += failed
            state.totalSent += sent
            state.totalFailed += failed
            state.batches.append(Batch(sent: sent, failed: failed, time: now))
            if state.batches.count > 20 { state.batches.removeFirst(state.batches.count - 20) }
        }
    }

    /// An error of the worker itself (database, relay unusable); safe to show (no addresses).
    func recordError(_ message: String) {
        update { state, now in
            state.lastError = message
            state.lastErrorTime = now
        }
    }

    /// Applies `body` after the daily reset; returns the resulting statistics.
    /// Applies `body` after the daily reset; returns the resulting statistics.
    @discardableResult
    private func update(_ body: (inout Snapshot, UTCTimestamp) -> Void) -> Snapshot { days.update(body) }

}
