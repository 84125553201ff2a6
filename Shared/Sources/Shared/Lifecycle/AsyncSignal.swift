import Synchronization

/// A one-shot event: `fire()` (from any thread, once is enough) releases every current and
/// future `wait()`. Waiting is cancellable, and `wait(until:)` gives up at a deadline.
public final class AsyncSignal: Sendable {
    private struct State {
        var fired = false
        var nextID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }
    private let state = Mutex(State())

    /// A signal that has not fired.
    public init() {}

    /// Whether `fire()` was called.
    public var isFired: Bool { state.withLock { $0.fired } }

    /// Fires the signal, resuming all waiters.
    public func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.fired else { return [] }
            state.fired = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the signal fired, or when the task is cancelled.
    public func wait() async {
        let id = state.withLock { state -> Int in state.nextID += 1; return state.nextID }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Waits until the signal fires (true) or `deadline` passes (false).
    public func wait(until deadline: ContinuousClock.Instant) async -> Bool {
        if isFired { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.wait(); return self.isFired }
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous); return self.isFired }
            let first = await group.next() ?? false
            group.cancelAll()
            return first || isFired
        }
    }
}
