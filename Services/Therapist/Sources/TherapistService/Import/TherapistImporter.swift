public import Shared

/// The background worker that imports the scraped therapist directories (therapist.md §6): on
/// a thread of its own (local file I/O), first cycle at start, then one per interval. Cycles
/// never overlap; `runCycle()` also serves tests and `therapist import-now`. When disabled
/// (`THERAPIST_IMPORT_ENABLED=false`) it runs no cycles by itself and reports not running.
public final class TherapistImporter: Service {
    public let name = "therapist-importer"
    let cycle: ImportCycle
    /// The statistics `import-status` and `/health/import` show.
    public let statistics: ImportStatistics
    let enabled: Bool
    let job: PeriodicJob<ImportCycleSummary>

    init(cycle: ImportCycle, statistics: ImportStatistics, interval: Duration, enabled: Bool) {
        self.cycle = cycle
        self.statistics = statistics
        self.enabled = enabled
        job = PeriodicJob(name: "therapist-imp", interval: interval) { await cycle.run() }
    }

    /// Starts the loop (first cycle at once) unless disabled.
    public func start() async throws {
        guard enabled else {
            cycle.logger.notice("therapist import disabled (THERAPIST_IMPORT_ENABLED=false)")
            return
        }
        statistics.setRunning(true)
        job.start()
    }

    /// Runs one cycle now, after the current one if a cycle is running.
    @discardableResult
    public func runCycle() async -> ImportCycleSummary { await job.runNow() }

    /// Cancels the loop, waits for the current cycle to finish (until `deadline`), stops the thread.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        await job.stop(until: deadline)
        statistics.setRunning(false)
    }
}
