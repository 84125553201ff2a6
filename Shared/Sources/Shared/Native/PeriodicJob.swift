internal import Synchronization

/// Runs a job on a thread of its own (blocking file or storage work stays off the cooperative
/// pool): once when started, then every `interval`, and on demand; runs never overlap. The
/// background workers of the services (importers, queue processors) are built on it.
public final class PeriodicJob<Outcome: Sendable>: Sendable {
    let interval: Duration
    let job: @Sendable () async -> Outcome
    private let executor: SerialThreadExecutor
    private let runs = AsyncLock()
    private let loop = Mutex<Task<Void, Never>?>(nil)

    /// A job named `name` (the thread's name, at most 15 characters are kept) running `job`
    /// every `interval` once started.
    public init(name: String, interval: Duration, job: @escaping @Sendable () async -> Outcome) {
        self.interval = interval
        self.job = job
        executor = SerialThreadExecutor(name: name)
    }

    /// Starts the loop: the first run at once, then one per interval after each run ends.
    public func start() {
        let task = Task(executorPreference: executor) { [self] in
            while !Task.isCancelled {
                _ = await runNow()
                try? await Task.sleep(for: interval)
            }
        }
        loop.withLock { $0 = task }
    }

    /// Runs the job now, after the current run if one is in progress.
    @discardableResult
    public func runNow() async -> Outcome {
        await runs.withLock {
            await withTaskExecutorPreference(executor) { await job() }
        }
    }

    /// Cancels the loop, waits for the current run to finish (until `deadline`) and stops the
    /// thread. Harmless when the loop never started.
    public func stop(until deadline: ContinuousClock.Instant) async {
        let task = loop.withLock { $0 }
        task?.cancel()
        let finished = AsyncSignal()
        Task { await task?.value; finished.fire() }
        _ = await finished.wait(until: deadline)
        executor.stop()
    }
}
