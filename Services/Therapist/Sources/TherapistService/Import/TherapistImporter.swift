public import Shared
internal import Synchronization

/// The background worker that imports the scraped therapist directories (therapist.md §6): on
/// a thread of its own (local file I/O), first cycle at start, then one per interval. Cycles
/// never overlap; `runCycle()` also serves tests and `therapist import-now`. When disabled
/// (`THERAPIST_IMPORT_ENABLED=false`) it runs no cycles by itself and reports not running.
public final class TherapistImporter: Service {
    public let name = "therapist-importer"
    let cycle: ImportCycle
    /// The statistics `import-status` and `/health/import` show.
    public let statistics: ImportStatistics
    let interval: Duration
    let enabled: Bool
    private let executor = SerialThreadExecutor(name: "therapist-imp")
    private let cycles = AsyncLock()
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(cycle: ImportCycle, statistics: ImportStatistics, interval: Duration, enabled: Bool) {
        self.cycle = cycle
        self.statistics = statistics
        self.interval = interval
        self.enabled = enabled
    }

    /// Starts the loop (first cycle at once) unless disabled.
    public func start() async throws {
        guard enabled else {
            cycle.logger.notice("therapist import disabled (THERAPIST_IMPORT_ENABLED=false)")
            return
        }
        statistics.setRunning(true)
        let loop = Task(executorPreference: executor) { [self] in
            while !Task.isCancelled {
                await runCycle()
                try? await Task.sleep(for: interval)
            }
        }
        task.withLock { $0 = loop }
    }

    /// Runs one cycle now, after the current one if a cycle is running.
    @discardableResult
    public func runCycle() async -> ImportCycleSummary {
        await cycles.withLock {
            await withTaskExecutorPreference(executor) { await cycle.run() }
        }
    }

    /// Cancels the loop, waits for the current cycle to finish (until `deadline`), stops the thread.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        let loop = task.withLock { $0 }
        loop?.cancel()
        let finished = AsyncSignal()
        Task { await loop?.value; finished.fire() }
        _ = await finished.wait(until: deadline)
        statistics.setRunning(false)
        executor.stop()
    }
}
