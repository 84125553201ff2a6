/// The pool's bookkeeping, guarded by the pool's mutex. Connections are either idle (listed
/// here), busy (checked out; counted) or opening (counted); `busy + opening + idle ≤ max`.
struct PoolState {
    /// What a checkout gets: a connection, or the right to open one.
    enum Grant { case connection(PGConnection, idleNanos: UInt64), open }

    struct Waiter {
        let id: Int
        /// Monotonic nanoseconds after which the waiter gives up.
        let deadline: UInt64
        let continuation: CheckedContinuation<Grant, any Error>
    }

    let max: Int
    var idle: [(connection: PGConnection, since: UInt64)] = []
    var busy = 0
    var opening = 0
    var waiters: [Waiter] = []
    var nextWaiterID = 0
    /// Whether the deadline sweeper is running (one per pool while anyone waits).
    var sweeping = false
    var failures = 0
    var retryNotBefore: UInt64 = 0
    var closed = false

    init(max: Int) { self.max = max }

    var total: Int { idle.count + busy + opening }

    /// The immediate answer to a checkout, or nil when the caller has to wait.
    mutating func checkout(now: UInt64) throws(PostgresError) -> Grant? {
        guard !closed else { throw PostgresError(.unavailable, detail: "pool closed") }
        if let entry = idle.popLast() {
            busy += 1
            return .connection(entry.connection, idleNanos: now &- entry.since)
        }
        guard total < max else { return nil }
        guard now >= retryNotBefore else { throw PostgresError(.unavailable, detail: "backing off after failures") }
        opening += 1
        return .open
    }

    /// A connection comes back: to a waiter, to the idle list, or (when `discard`) away.
    /// Returns the waiter to resume and whether the connection must be closed.
    mutating func release(_ connection: PGConnection, discard: Bool, now: UInt64) -> (Waiter?, Grant?, close: Bool) {
        if discard || closed {
            busy -= 1
            guard !closed, let waiter = popWaiter() else { return (nil, nil, true) }
            if now >= retryNotBefore { opening += 1; return (waiter, .open, true) }
            waiters.insert(waiter, at: 0)
            return (nil, nil, true)
        }
        if let waiter = popWaiter() { return (waiter, .connection(connection, idleNanos: 0), false) }
        busy -= 1
        idle.append((connection, now))
        return (nil, nil, false)
    }

    /// After a failed connection attempt: jittered exponential backoff (`base·2^n`, capped).
    mutating func openFailed(now: UInt64, base: UInt64, cap: UInt64) {
        opening -= 1
        failures += 1
        let exponent = UInt64(1) << UInt64(min(failures - 1, 20))
        let delay = min(cap, base.multipliedReportingOverflow(by: exponent).overflow ? cap : base * exponent)
        retryNotBefore = now + delay / 2 + UInt64.random(in: 0...(delay / 2))
    }

    /// After a successful connection attempt.
    mutating func openSucceeded() {
        opening -= 1
        busy += 1
        failures = 0
        retryNotBefore = 0
    }

    /// Removes the waiters whose deadline passed; also returns the earliest remaining deadline
    /// (nil when nobody waits any more: the sweeper then stops).
    mutating func expireWaiters(now: UInt64) -> (expired: [Waiter], next: UInt64?) {
        var expired: [Waiter] = []
        waiters.removeAll { waiter in
            guard waiter.deadline <= now else { return false }
            expired.append(waiter)
            return true
        }
        let next = waiters.map(\.deadline).min()
        if next == nil { sweeping = false }
        return (expired, next)
    }

    mutating func popWaiter() -> Waiter? { waiters.isEmpty ? nil : waiters.removeFirst() }

    mutating func removeWaiter(_ id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index)
    }
}
