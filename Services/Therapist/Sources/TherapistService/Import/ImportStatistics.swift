public import Shared

/// In-memory statistics of the therapist importer (therapist.md §2.7). The daily counters reset
/// when the UTC date changes (checked on every read and write); totals and the recent list
/// (at most 50 files, oldest first) survive the date change. The patient importer's statistics
/// count files, not therapists per file, hence a type of its own.
public final class ImportStatistics: Sendable {
    /// One imported file.
    public struct Entry: Sendable, Equatable {
        /// `URGENT/<name>` or `<date>/<name>`.
        public var file: String
        /// Entries in the file, skipped ones included.
        public var therapistCount: Int
        public var successCount: Int
        public var failedCount: Int
        public var time: UTCTimestamp
    }

    /// A consistent copy of the statistics.
    public struct Snapshot: Sendable, Equatable {
        public var running = false
        /// Start of the latest cycle (`last_check` = `last_import_run`).
        public var lastCheck: UTCTimestamp?
        public var filesProcessedToday = 0
        public var therapistsProcessedToday = 0
        public var therapistsFailedToday = 0
        public var lastError: String?
        public var lastErrorTime: UTCTimestamp?
        public var totalFilesProcessed = 0
        public var totalTherapistsProcessed = 0
        public var totalTherapistsFailed = 0
        /// Up to 50 files, oldest first.
        public var recent: [Entry] = []

        /// `last_import_run` + 24 h, fixed whatever the configured interval.
        public var nextImportRun: UTCTimestamp? { lastCheck?.adding(seconds: 86_400) }
    }

    private let days: DailyStatistics<Snapshot>

    /// Statistics reading time from `clock`.
    public init(clock: @escaping @Sendable () -> UTCTimestamp = { .now() }) {
        days = DailyStatistics(Snapshot(), clock: clock) {
            $0.filesProcessedToday = 0
            $0.therapistsProcessedToday = 0
            $0.therapistsFailedToday = 0
        }
    }

    /// The current statistics.
    public var snapshot: Snapshot { days.snapshot }

    func setRunning(_ running: Bool) { update { state, _ in state.running = running } }

    /// A cycle begins.
    func recordCheck() { update { state, now in state.lastCheck = now } }

    /// A file was processed: `success` therapists created or updated, `failed` not.
    func recordFile(_ file: String, therapists: Int, success: Int, failed: Int) {
        update { state, now in
            state.filesProcessedToday += 1
            state.therapistsProcessedToday += success
            state.therapistsFailedToday += failed
            state.totalFilesProcessed += 1
            state.totalTherapistsProcessed += success
            state.totalTherapistsFailed += failed
            state.recent.append(Entry(file: file, therapistCount: therapists, successCount: success, failedCount: failed, time: now))
            if state.recent.count > 50 { state.recent.removeFirst(state.recent.count - 50) }
        }
    }

    func recordError(_ text: String) {
        update { state, now in
            state.lastError = text
            state.lastErrorTime = now
        }
    }

    /// Applies `body` after the daily reset; returns the resulting statistics.
    @discardableResult
    private func update(_ body: (inout Snapshot, UTCTimestamp) -> Void) -> Snapshot { days.update(body) }

}
