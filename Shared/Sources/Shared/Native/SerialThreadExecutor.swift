import Dispatch
import Synchronization

/// A task executor with one thread of its own, for background work that does small blocking
/// things (local file I/O) between awaits: run it with `Task(executorPreference:)` so those
/// calls never block the Swift concurrency pool. Jobs run one at a time, in order.
public final class SerialThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let jobs = Mutex<[UnownedJob]>([])
    private let wakeUp = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    /// Starts the thread, named `name` (≤ 15 characters show in `top`).
    public init(name: String) {
        OwnedThread(name: name) { [self] in run() }.detach()
    }

    /// Queues a job; after `stop` jobs run on a Dispatch thread instead.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if stopped.load(ordering: .acquiring) {
            DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
            return
        }
        jobs.withLock { $0.append(job) }
        wakeUp.signal()
    }

    /// Lets the thread finish the queued jobs and exit.
    public func stop() {
        stopped.store(true, ordering: .releasing)
        wakeUp.signal()
    }

    private func run() {
        while true {
            wakeUp.wait()
            let batch = jobs.withLock { jobs -> [UnownedJob] in defer { jobs.removeAll() }; return jobs }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            if stopped.load(ordering: .acquiring), jobs.withLock({ $0.isEmpty }) { return }
        }
    }
}
