import Dispatch
import Synchronization

/// The task executor HTTP handlers prefer: owned worker threads sharing one job queue, built to
/// avoid the wake-up ping-pong between the event loop and the handler threads:
/// - while the loop hands over a batch of requests (`hold`/`release`) no worker is woken per
///   job; `release` wakes one, and a busy worker wakes another only when work piles up;
/// - responses are queued for the loop without waking it (`deferWake`); a worker wakes the
///   loop once after every 32 jobs and always before it goes idle.
/// Handlers never run on the event loop thread; they suspend and resume here like anywhere.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var head = 0
        var idle = 0
        var signalled = 0
        var holds = 0
        var loopsToWake: [EventLoop] = []
        var stopped = false
        var queued: Int { jobs.count - head }

        /// Claims a wake-up when an idle worker is not already being woken and there is work for it.
        mutating func claimWake(minimumQueued: Int) -> Bool {
            guard holds == 0, idle > signalled, queued >= minimumQueued else { return false }
            signalled += 1
            return true
        }
    }

    // All mutable state lives in `state` behind its mutex; the rest is immutable.
    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let threads: Int

    /// Starts `threads` workers named `http-handler`.
    init(threads: Int) {
        self.threads = max(threads, 1)
        for _ in 0..<self.threads { _ = OwnedThread(name: "http-handler") { [self] in work() } }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let (wake, stopped) = state.withLock { state in
            if state.stopped { return (false, true) }
            state.jobs.append(job)
            return (state.claimWake(minimumQueued: 1), false)
        }
        if wake { wakeUp.signal() }
        // A handler still running after its server stopped finishes on a Dispatch thread.
        if stopped { DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) } }
    }

    /// Lets the workers finish the queued jobs and exit; later jobs run on Dispatch threads.
    func stop() {
        state.withLock { $0.stopped = true }
        for _ in 0..<threads { wakeUp.signal() }
    }

    /// Suppresses per-job wake-ups while the caller enqueues a batch.
    func hold() { state.withLock { $0.holds += 1 } }

    /// Ends a batch: wakes one idle worker if there is work.
    func release() {
        let wake = state.withLock { state in
            state.holds -= 1
            return state.claimWake(minimumQueued: 1)
        }
        if wake { wakeUp.signal() }
    }

    /// Called by a handler task after queuing its response on `loop` without waking it: a worker
    /// wakes the loop later; if no worker is busy to do that, the loop is woken now.
    func deferWake(_ loop: EventLoop) {
        let now = state.withLock { state in
            if state.idle == threads { return true }
            if !state.loopsToWake.contains(where: { $0 === loop }) { state.loopsToWake.append(loop) }
            return false
        }
        if now { loop.wake() }
    }

    private func work() {
        let executor = asUnownedTaskExecutor()
        var sinceWake = 0
        while true {
            var loops: [EventLoop] = []
            var wakeAnother = false
            let job = state.withLock { state -> UnownedJob? in
                guard state.head < state.jobs.count else {
                    if state.stopped { return nil }
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                    swap(&loops, &state.loopsToWake)
                    state.idle += 1
                    return nil
                }
                defer { state.head += 1 }
                if sinceWake >= 32 { swap(&loops, &state.loopsToWake) }
                wakeAnother = state.claimWake(minimumQueued: 8)
                return state.jobs[state.head]
            }
            if !loops.isEmpty { sinceWake = 0 }
            for loop in loops { loop.wake() }
            if wakeAnother { wakeUp.signal() }
            if let job {
                job.runSynchronously(on: executor)
                sinceWake += 1
                continue
            }
            if state.withLock({ $0.stopped && $0.head >= $0.jobs.count }) { return }
            wakeUp.wait()
            state.withLock { state in
                state.idle -= 1
                state.signalled -= 1
            }
        }
    }
}
