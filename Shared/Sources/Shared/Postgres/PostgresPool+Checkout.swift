import Synchronization

extension PostgresPool {
    /// Checks a connection out, runs `body`, and returns the connection (or discards it when
    /// it broke: then the idle connections are dropped as well).
    func withConnection<T>(_ body: (PGConnection) async throws -> T) async throws -> T {
        let connection = try await checkout()
        do {
            let value = try await body(connection)
            checkin(connection)
            return value
        } catch {
            checkin(connection)
            throw error
        }
    }

    /// A validated connection: an idle one, a new one, or one handed over by `checkin`.
    func checkout() async throws -> PGConnection {
        while true {
            let now = MonotonicClock.nanoseconds()
            let grant = try state.withLock { state throws(PostgresError) in try state.checkout(now: now) }
            switch try await resolve(grant) {
            case .connection(let connection, let idleNanos):
                if try await validate(connection, idleNanos: idleNanos) { publish(); return connection }
                discard(connection)
            case .open:
                return try await open()
            }
        }
    }

    private func resolve(_ grant: PoolState.Grant?) async throws -> PoolState.Grant {
        if let grant { return grant }
        return try await waitForGrant()
    }

    /// Status check always; `SELECT 1` only after `validateAfterIdle` (zero: every checkout).
    /// Without the ping the status is the one `checkin` read at the end of the connection's last
    /// job (libpq changes it only during I/O, and no job runs while it is idle), so it costs no
    /// round trip to the worker thread: hot checkouts stay at one thread hand-over per statement.
    private func validate(_ connection: PGConnection, idleNanos: UInt64) async throws -> Bool {
        let ping = idleNanos >= PGConnection.nanoseconds(tuning.validateAfterIdle)
        guard ping else { return connection.wasUsableAfterLastJob }
        let timeout = config.connectTimeout
        return (try? await connection.run { connection -> Bool in
            guard connection.isUsable else { return false }
            _ = try connection.execute("SELECT 1", timeout: timeout)
            return true
        }) ?? false
    }

    private func open() async throws -> PGConnection {
        do {
            let connection = try await PGConnection.connect(config.connectionParameters(for: endpoint),
                                                            requireUTC: endpoint.isPgBouncer)
            state.withLock { $0.openSucceeded() }
            publish()
            return connection
        } catch {
            let base = PGConnection.nanoseconds(tuning.initialBackoff), cap = PGConnection.nanoseconds(tuning.maxBackoff)
            state.withLock { $0.openFailed(now: MonotonicClock.nanoseconds(), base: base, cap: cap) }
            logger.warning("database connection failed", ["error": "\(error)"])
            publish()
            throw (error as? PostgresError) ?? PostgresError(.unavailable)
        }
    }

    /// Queues the caller until `checkin` hands it a grant or the checkout timeout passes. One
    /// sweeper task per pool enforces the deadlines while anyone waits (not a timer per waiter:
    /// under contention that cost a task creation and cancellation per statement).
    private func waitForGrant() async throws -> PoolState.Grant {
        let id = state.withLock { state -> Int in state.nextWaiterID += 1; return state.nextWaiterID }
        let deadline = MonotonicClock.nanoseconds() + PGConnection.nanoseconds(tuning.checkoutTimeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let (rejection, startSweeper) = state.withLock { state -> ((any Error)?, Bool) in
                    if state.closed { return (PostgresError(.unavailable, detail: "pool closed"), false) }
                    if Task.isCancelled { return (CancellationError(), false) }
                    state.waiters.append(PoolState.Waiter(id: id, deadline: deadline, continuation: continuation))
                    defer { state.sweeping = true }
                    return (nil, !state.sweeping)
                }
                if let rejection { continuation.resume(throwing: rejection) }
                if startSweeper { Task { await sweepWaiters() } }
            }
        } onCancel: {
            state.withLock { $0.removeWaiter(id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Times out expired waiters, sleeping until the next deadline; ends when nobody waits.
    private func sweepWaiters() async {
        while true {
            let now = MonotonicClock.nanoseconds()
            let (expired, next) = state.withLock { $0.expireWaiters(now: now) }
            for waiter in expired {
                waiter.continuation.resume(throwing: PostgresError(.unavailable, detail: "no connection within the checkout timeout"))
            }
            guard let next else { return }
            try? await Task.sleep(for: .nanoseconds(Int64(clamping: next &- min(next, MonotonicClock.nanoseconds()))))
        }
    }

    /// Returns `connection` to the pool, or discards it when it is no longer usable (as read
    /// on its worker at the end of its last job: no extra round trip).
    func checkin(_ connection: PGConnection) {
        if connection.wasUsableAfterLastJob { hand(connection, discard: false) } else { discard(connection) }
    }

    /// Drops a broken connection and, since the server probably restarted, the idle ones too.
    func discard(_ connection: PGConnection) {
        let idle = state.withLock { state in
            defer { state.idle.removeAll() }
            return state.idle.map(\.connection)
        }
        idle.forEach { $0.close() }
        hand(connection, discard: true)
    }

    private func hand(_ connection: PGConnection, discard: Bool) {
        let now = MonotonicClock.nanoseconds()
        let (waiter, grant, close, drainedNow) = state.withLock { state in
            let (waiter, grant, close) = state.release(connection, discard: discard, now: now)
            return (waiter, grant, close, state.closed && state.busy + state.opening == 0)
        }
        if close { connection.close() }
        if let waiter, let grant { waiter.continuation.resume(returning: grant) }
        publish()
        if drainedNow { drained.fire() }
    }
}
