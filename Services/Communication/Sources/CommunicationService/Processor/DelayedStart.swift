internal import Synchronization

/// Runs an action once after a delay unless cancelled first (the processor's first cycle waits
/// until the service's own HTTP server, which starts after all components, is listening).
final class DelayedStart: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    func start(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let started = Task {
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { action() }
        }
        task.withLock { $0 = started }
    }

    /// Cancels a pending action and waits until it either ran or was dropped.
    func cancel() async {
        let pending = task.withLock { $0 }
        pending?.cancel()
        await pending?.value
    }
}
