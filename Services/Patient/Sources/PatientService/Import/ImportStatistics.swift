public import Shared

/// In-memory statistics of the registration importer (patient.md §2.8, §6.4): daily counters
/// and the recent list reset when the UTC date changes (checked on every read and write).
public final class ImportStatistics: Sendable {
    /// One remembered file outcome.
    public struct Entry: Sendable, Equatable {
        public var file: String
        public var succeeded: Bool
        public var error: String?
        public var time: UTCTimestamp
    }

    /// A consistent copy of the statistics.
    public struct Snapshot: Sendable, Equatable {
        public var running = false
        public var lastCheck: UTCTimestamp?
        public var filesProcessedToday = 0
        public var filesFailedToday = 0
        public var lastError: String?
        public var lastErrorTime: UTCTimestamp?
        public var totalProcessed = 0
        public var totalFailed = 0
        /// Up to 50 entries of today, oldest first.
        public var recent: [Entry] = []
        /// Whether the latest cycle could not even list the storage folder.
        public var storageUnreachable = false
    }

    private let days: DailyStatistics<Snapshot>

    /// Statistics reading time from `clock`.
    public init(clock: @escaping @Sendable () -> UTCTimestamp = { .now() }) {
        days = DailyStatistics(Snapshot(), clock: clock) {
            $0.filesProcessedToday = 0
            $0.filesFailedToday = 0
            $0.recent = []
        }
    }

    /// The current statistics.
    public var snapshot: Snapshot { days.snapshot }

    func setRunning(_ running: Bool) { update { state, _ in state.running = running } }

    /// A polling cycle begins.
    func recordCheck() { update { state, now in state.lastCheck = now } }

    /// Whether the cycle could list the folder.
    func recordListing(succeeded: Bool) { update { state, _ in state.storageUnreachable = !succeeded } }

    func recordSuccess(file: String) {
        update { state, now in
            state.filesProcessedToday += 1
            state.totalProcessed += 1
            Self.remember(Entry(file: file, succeeded: true, error: nil, time: now), in: &state)
        }
    }

    func recordFailure(file: String, error: String) {
        update { state, now in
            state.filesFailedToday += 1
            state.totalFailed += 1
            state.lastError = "\(file): \(error)"
            state.lastErrorTime = now
            Self.remember(Entry(file: file, succeeded: false, error: error, time: now), in: &state)
        }
    }

    func recordError(_ text: String) {
        update { state, now in
            state.lastError = text
            state.lastErrorTime = now
        }
    }

    private static func remember(_ entry: Entry, in state: inout Snapshot) {
        state.recent.append(entry)
        if state.recent.count > 50 { state.recent.removeFirst(state.recent.count - 50) }
    }

    /// Applies `body` after the daily reset; returns the resulting statistics.
    @discardableResult
    private func update(_ body: (inout Snapshot, UTCTimestamp) -> Void) -> Snapshot { days.update(body) }

}
