import Synchronization

/// Idle keep-alive connections per `host:port`, reused last-in-first-out. Connections idle
/// longer than `idleTimeout` are closed rather than handed out; at most `maxIdlePerHost` are
/// kept per endpoint (the oldest is closed to make room). Closing happens outside the lock.
final class ClientConnectionPool: Sendable {
    private struct Idle {
        let socket: ClientSocket
        let since: ContinuousClock.Instant
    }

    private struct State {
        var idle: [String: [Idle]] = [:]
        var closed = false
    }

    private let state = Mutex(State())
    private let maxIdlePerHost: Int
    private let idleTimeout: Duration

    /// A pool with the given limits.
    init(maxIdlePerHost: Int, idleTimeout: Duration) {
        self.maxIdlePerHost = maxIdlePerHost
        self.idleTimeout = idleTimeout
    }

    /// The most recently returned, unexpired idle connection for `endpoint`, if any.
    func checkout(_ endpoint: String) -> ClientSocket? {
        let now = ContinuousClock.now
        let (found, expired) = state.withLock { state -> (ClientSocket?, [Idle]) in
            var expired: [Idle] = []
            while let last = state.idle[endpoint]?.popLast() {
                if last.since.duration(to: now) <= idleTimeout { return (last.socket, expired) }
                expired.append(last)
            }
            return (nil, expired)
        }
        for entry in expired { entry.socket.close() }
        return found
    }

    /// Returns a healthy connection for reuse, or closes it if the pool is full or closed.
    func checkin(_ socket: ClientSocket, endpoint: String) {
        let evicted = state.withLock { state -> ClientSocket? in
            guard !state.closed, maxIdlePerHost > 0 else { return socket }
            state.idle[endpoint, default: []].append(Idle(socket: socket, since: .now))
            guard state.idle[endpoint]!.count > maxIdlePerHost else { return nil }
            return state.idle[endpoint]!.removeFirst().socket
        }
        evicted?.close()
    }

    /// Closes every connection idle longer than `idleTimeout` (called periodically).
    func closeExpired() {
        let now = ContinuousClock.now
        let expired = state.withLock { state -> [Idle] in
            var expired: [Idle] = []
            for (endpoint, entries) in state.idle {
                let (old, fresh) = entries.reduce(into: ([Idle](), [Idle]())) { split, entry in
                    if entry.since.duration(to: now) > idleTimeout { split.0.append(entry) } else { split.1.append(entry) }
                }
                expired += old
                state.idle[endpoint] = fresh.isEmpty ? nil : fresh
            }
            return expired
        }
        for entry in expired { entry.socket.close() }
    }

    /// Closes all idle connections; later check-ins are closed instead of pooled.
    func close() {
        let all = state.withLock { state -> [Idle] in
            state.closed = true
            defer { state.idle = [:] }
            return state.idle.values.flatMap { $0 }
        }
        for entry in all { entry.socket.close() }
    }
}
