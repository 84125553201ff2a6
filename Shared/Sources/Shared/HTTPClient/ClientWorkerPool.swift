import Glibc

/// A fixed set of threads owned by one `HTTPClient` that run its blocking socket work, fed by
/// a FIFO job queue guarded by a pthread mutex and condition variable. Nothing here touches
/// the Swift concurrency pool or `DispatchQueue.global()`.
///
/// An idle worker wakes every `idleTick` to run `onIdleTick` (closing expired keep-alive
/// connections). After `stop()`, queued jobs still run, then the threads exit.
final class ClientWorkerPool: @unchecked Sendable {
    /// A unit of blocking work.
    typealias Work = @Sendable () -> Void

    // `queue`, `head` and `stopped` are guarded by `mutex`; the rest is immutable.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [Work?] = []
    private var head = 0
    private var stopped = false
    private var queueWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private let idleTick: Duration
    private let onIdleTick: @Sendable () -> Void

    /// Starts `threadCount` detached worker threads.
    init(threadCount: Int, idleTick: Duration, onIdleTick: @escaping @Sendable () -> Void) {
        self.idleTick = idleTick
        self.onIdleTick = onIdleTick
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, clockid_t(CLOCK_MONOTONIC))
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        for _ in 0..<threadCount { OwnedThread(name: "http-client") { [self] in workLoop() }.detach() }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Queues `work`; false once stopped.
    func submit(_ work: @escaping Work) -> Bool {
        pthread_mutex_lock(mutex)
        guard !stopped else {
            pthread_mutex_unlock(mutex)
            return false
        }
        queue.append(work)
        pthread_cond_signal(condition)
        let waiting = queue.count - head
        let ready = queueWaiters.filter { $0.count <= waiting }
        queueWaiters.removeAll { $0.count <= waiting }
        pthread_mutex_unlock(mutex)
        for waiter in ready { waiter.continuation.resume() }
        return true
    }

    /// Suspends until at least `count` jobs wait in the queue at once (lets tests act on a
    /// request known to be queued behind busy workers, without polling).
    func waitForQueuedJobs(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            pthread_mutex_lock(mutex)
            let ready = queue.count - head >= count
            if !ready { queueWaiters.append((count, continuation)) }
            pthread_mutex_unlock(mutex)
            if ready { continuation.resume() }
        }
    }

    /// Rejects further work; the threads exit once the queue is empty. Idempotent.
    func stop() {
        pthread_mutex_lock(mutex)
        stopped = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    private func workLoop() {
        while let work = next() { work() }
    }

    /// The next job, blocking while the queue is empty; nil when stopped and drained.
    private func next() -> Work? {
        var tickDue = false
        while true {
            if tickDue { onIdleTick() }
            pthread_mutex_lock(mutex)
            if head == queue.count, !stopped {
                var until = ClientThread.monotonicTimespec(after: idleTick)
                tickDue = pthread_cond_timedwait(condition, mutex, &until) == ETIMEDOUT
            }
            defer { pthread_mutex_unlock(mutex) }
            if head < queue.count {
                let work = queue[head]
                queue[head] = nil
                head += 1
                if head == queue.count || head > 1024 {
                    queue.removeFirst(head)
                    head = 0
                }
                return work
            }
            if stopped { return nil }
        }
    }
}
