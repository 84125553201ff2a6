public import Shared
internal import Synchronization

/// The background worker that imports website registrations every interval (patient.md §6).
/// It runs on a thread of its own (local file I/O) and never gives up: a cycle that cannot
/// reach the storage is recorded and retried at the next interval.
public final class RegistrationImporter: Service {
    public let name = "registration-importer"
    let processor: RegistrationProcessor
    let statistics: ImportStatistics
    let interval: Duration
    /// Creates local folders (archive, local object storage) before the first cycle.
    let prepare: @Sendable () throws -> Void
    private let executor = SerialThreadExecutor(name: "patient-import")
    private let cycles = AsyncLock()
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(processor: RegistrationProcessor, statistics: ImportStatistics, interval: Duration,
         prepare: @escaping @Sendable () throws -> Void) {
        self.prepare = prepare
        self.processor = processor
        self.statistics = statistics
        self.interval = interval
    }

    /// Prepares the archive folders and starts the loop (first cycle at once).
    public func start() async throws {
        try processor.archive.prepare()
        try prepare()
        statistics.setRunning(true)
        let loop = Task(executorPreference: executor) { [self] in
            while !Task.isCancelled {
                await runCycle()
                try? await Task.sleep(for: interval)
            }
        }
        task.withLock { $0 = loop }
    }

    /// Runs one cycle now (cycles never overlap); used by the loop and by tests.
    public func runCycle() async {
        await cycles.withLock {
            await withTaskExecutorPreference(executor) { await processor.runCycle() }
        }
    }

    /// Cancels the loop, waits for the current file to finish (until `deadline`), stops the thread.
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
