import Synchronization

/// The hand-off between an awaiting `execute` call and the worker thread running its
/// exchange: holds the continuation, the cancellation flag and the socket in use, so that
/// cancelling shuts that socket down (waking a blocked `poll`/`read`) or, for a job still
/// queued, resumes the caller at once.
final class ClientRequestJob: Sendable {
    /// What the awaiting call receives.
    typealias Outcome = Result<HTTPClientResponse, HTTPClientError>

    private struct State {
        var continuation: CheckedContinuation<Outcome, Never>?
        var cancelled = false
        var started = false
        var socket: ClientSocket?
    }

    private let state = Mutex(State())
    private let endpoint: String

    /// A job for a request to `endpoint` (`host:port`, for the `.cancelled` error).
    init(endpoint: String) { self.endpoint = endpoint }

    /// Stores the continuation; if the task was already cancelled, resumes it with
    /// `.cancelled` and returns false (then nothing must be submitted).
    func attach(_ continuation: CheckedContinuation<Outcome, Never>) -> Bool {
        let cancelled = state.withLock { state in
            if !state.cancelled { state.continuation = continuation }
            return state.cancelled
        }
        if cancelled { continuation.resume(returning: .failure(HTTPClientError(.cancelled, endpoint: endpoint))) }
        return !cancelled
    }

    /// Called by the worker before running; false if the job was cancelled while queued.
    func begin() -> Bool {
        state.withLock { state in
            state.started = true
            return !state.cancelled
        }
    }

    /// Whether the caller cancelled.
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Makes `socket` the one a cancellation shuts down; false (socket untouched) if
    /// already cancelled.
    func register(_ socket: ClientSocket) -> Bool {
        state.withLock { state in
            if !state.cancelled { state.socket = socket }
            return !state.cancelled
        }
    }

    /// Forgets the socket before it is closed or pooled; false if a cancellation may have
    /// shut it down (then it must not be pooled).
    func unregister() -> Bool {
        state.withLock { state in
            state.socket = nil
            return !state.cancelled
        }
    }

    /// Cancels: a queued job resumes its caller now; a running one has its socket shut down.
    func cancel() {
        let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            state.cancelled = true
            state.socket?.shutdown()
            guard !state.started else { return nil }
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: .failure(HTTPClientError(.cancelled, endpoint: endpoint)))
    }

    /// Resumes the caller with `outcome` (failures become `.cancelled` after a cancellation).
    func finish(_ outcome: Outcome) {
        let (continuation, cancelled) = state.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.cancelled)
        }
        guard let continuation else { return }
        if cancelled, case .failure(let error) = outcome {
            continuation.resume(returning: .failure(error.with(code: .cancelled)))
        } else {
            continuation.resume(returning: outcome)
        }
    }
}
