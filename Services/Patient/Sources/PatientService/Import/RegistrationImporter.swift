public import Shared

/// The background worker that imports website registrations every interval (patient.md §6).
/// It runs on a thread of its own (local file I/O) and never gives up: a cycle that cannot
/// reach the storage is recorded and retried at the next interval.
public final class RegistrationImporter: Service {
    public let name = "registration-importer"
    let processor: RegistrationProcessor
    let statistics: ImportStatistics
    /// Creates local folders (archive, local object storage) before the first cycle.
    let prepare: @Sendable () throws -> Void
    let job: PeriodicJob<Void>

    init(processor: RegistrationProcessor, statistics: ImportStatistics, interval: Duration,
         prepare: @escaping @Sendable () throws -> Void) {
        self.prepare = prepare
        self.processor = processor
        self.statistics = statistics
        job = PeriodicJob(name: "patient-import", interval: interval) { await processor.runCycle() }
    }

    /// Prepares the archive folders and starts the loop (first cycle at once).
    public func start() async throws {
        try processor.archive.prepare()
        try prepare()
        statistics.setRunning(true)
        job.start()
    }

    /// Runs one cycle now (cycles never overlap); used by the loop and by tests.
    public func runCycle() async { await job.runNow() }

    /// Cancels the loop, waits for the current file to finish (until `deadline`), stops the thread.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        await job.stop(until: deadline)
        statistics.setRunning(false)
    }
}
