public import Shared

/// In-memory statistics of the storage processor (communication.md §7.4). The `…_today`
/// counters reset when the UTC date changes (checked on every read and write); totals, the
/// last error and the recent files are kept.
public final class ProcessorStatistics: Sendable {
    /// One remembered file outcome.
    public struct Entry: Sendable, Equatable {
        public var file: String
        public var kind: ProcessorKind
        public var succeeded: Bool
        public var error: String?
        public var time: UTCTimestamp
    }

    /// A consistent copy of the statistics.
    public struct Snapshot: Sendable, Equatable {
        public var running = false
        public var lastCheck: UTCTimestamp?
        public var processedToday: [ProcessorKind: Int] = [:]
        public var failedToday: [ProcessorKind: Int] = [:]
        public var lastError: String?
        public var lastErrorTime: UTCTimestamp?
        public var totalProcessed = 0
        public var totalFailed = 0
        /// Up to `recentLimit` entries, oldest first.
        public var recent: [Entry] = []
    }

    /// How many file outcomes are kept (the status shows the last 10).
    static let recentLimit = 50

    private let days: DailyStatistics<Snapshot>

    /// Statistics reading time from `clock`.
    public init(clock: @escaping @Sendable () -> UTCTimestamp = { .now() }) {
        days = DailyStatistics(Snapshot(), clock: clock) {
            $0.processedToday = [:]
            $0.failedToday = [:]
        }
    }

    /// The current statistics.
    public var snapshot: Snapshot { days.snapshot }

    func setRunning(_ running: Bool) { update { state, _ in state.running = running } }

    /// A cycle begins.
    func recordCheck() { update { state, now in state.lastCheck = now } }

    func recordSuccess(file: String, kind: ProcessorKind) {
        update { state, now in
            state.processedToday[kind, default: 0] += 1
            state.totalProcessed += 1
            Self.remember(Entry(file: file, kind: kind, succeeded: true, error: nil, time: now), in: &state)
        }
    }

    /// A file failed; `last_error` becomes `<Kind> <file>: <error>`.
    func recordFailure(file: String, kind: ProcessorKind, error: String) {
        update { state, now in
            state.failedToday[kind, default: 0] += 1
            state.totalFailed += 1
            state.lastError = "\(kind.label) \(file): \(error)"
            state.lastErrorTime = now
            Self.remember(Entry(file: file, kind: kind, succeeded: false, error: error, time: now), in: &state)
        }
    }

    /// An error outside a file's outcome (folder listing, start-up, deletion).
    func recordError(_ text: String) {
        update { state, now in
            state.lastError = text
            state.lastErrorTime = now
        }
    }

    private static func remember(_ entry: Entry, in state: inout Snapshot) {
        state.recent.append(entry)
        if state.recent.count > recentLimit { state.recent.removeFirst(state.recent.count - recentLimit) }
    }

    /// Applies `body` after the daily reset; returns the resulting statistics.
    @discardableResult
    private func update(_ body: (inout Snapshot, UTCTimestamp) -> Void) -> Snapshot { days.update(body) }

}
