#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A serial job queue on one `OwnedThread`: where a connection's blocking libpq calls run, so
/// they never occupy a thread of the Swift concurrency pool. Jobs run in submission order.
final class PGWorker: @unchecked Sendable {
    // `semaphore` counts queued jobs plus the stop marker; `jobs` is guarded by its mutex.
    private let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    private let jobs = Mutex<(queue: [@Sendable () -> Void], stopping: Bool)>(([], false))

    init(name: String) {
        sem_init(semaphore, 0, 0)
        let thread = OwnedThread(name: name) { [self] in loop() }
        thread.detach()
    }

    deinit {
        sem_destroy(semaphore)
        semaphore.deallocate()
    }

    /// Queues `job`; false once `stop()` was called (the job is not run).
    @discardableResult
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        let accepted = jobs.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.queue.append(job)
            return true
        }
        if accepted { sem_post(semaphore) }
        return accepted
    }

    /// Lets the thread finish the queued jobs and exit.
    func stop() {
        let first = jobs.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first { sem_post(semaphore) }
    }

    private func loop() {
        while true {
            while sem_wait(semaphore) != 0 {}                     // EINTR: wait again
            let next = jobs.withLock { state -> (@Sendable () -> Void)? in
                state.queue.isEmpty ? nil : state.queue.removeFirst()
            }
            guard let next else { return }                       // the stop marker, queue drained
            next()
        }
    }
}
