import Synchronization

/// A bounded, lazy pool of libpq connections to one endpoint. Connections open on demand (at
/// most `maxConnections`), are validated on checkout (status, plus `SELECT 1` after being idle
/// for `validateAfterIdle`), and are discarded when broken; a lost connection also drops the
/// idle ones (the server probably restarted). While the server is unreachable, new connection
/// attempts back off exponentially with jitter and `query` fails fast with `.unavailable`;
/// waiting for a busy connection is bounded by `checkoutTimeout`.
///
/// Every statement is one unnamed `PQexecParams`-style round trip with text parameters, so the
/// pool works through PgBouncer in transaction mode. Blocking libpq calls run only on one owned
/// thread per connection. Metrics: `db_pool_connections{state="idle|busy"}`,
/// `db_query_duration_seconds`.
public final class PostgresPool: Service {
    /// Knobs besides `DatabaseConfig`; the defaults suit services.
    public struct Tuning: Sendable {
        /// Idle time after which a checkout first runs `SELECT 1`.
        public var validateAfterIdle: Duration = .seconds(5)
        /// Longest a caller waits for a busy connection before `.unavailable`.
        public var checkoutTimeout: Duration = .seconds(3)
        /// First reconnect delay; doubles per failure up to `maxBackoff` (±50 % jitter).
        public var initialBackoff: Duration = .milliseconds(100)
        /// Largest reconnect delay.
        public var maxBackoff: Duration = .seconds(5)
        /// Defaults.
        public init() {}
    }

    /// `postgres`.
    public let name = "postgres"
    let config: DatabaseConfig
    let endpoint: DatabaseConfig.Endpoint
    let tuning: Tuning
    let logger: Logger
    let state: Mutex<PoolState>
    let idleGauge: Gauge, busyGauge: Gauge, durations: Histogram
    let drained = AsyncSignal()

    /// A pool for `endpoint` (`config.pooled` for request handling, `config.direct` otherwise).
    public init(config: DatabaseConfig, endpoint: DatabaseConfig.Endpoint, metrics: MetricsRegistry,
                logger: Logger, tuning: Tuning = Tuning()) {
        (self.config, self.endpoint, self.tuning, self.logger) = (config, endpoint, tuning, logger)
        state = Mutex(PoolState(max: config.maxConnections))
        let help = "Database pool connections by state."
        idleGauge = metrics.gauge("db_pool_connections", help: help, labels: ["state": "idle"])
        busyGauge = metrics.gauge("db_pool_connections", help: help, labels: ["state": "busy"])
        durations = metrics.histogram("db_query_duration_seconds", help: "Database statement duration.")
    }

    /// Lazy: nothing to do; connections open on first use.
    public func start() async throws {}

    /// Refuses new work, waits (until `deadline`) for checked-out connections, closes all.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        let (idle, waiters, busy) = state.withLock { state in
            state.closed = true
            defer { state.idle.removeAll(); state.waiters.removeAll() }
            return (state.idle.map(\.connection), state.waiters, state.busy + state.opening)
        }
        idle.forEach { $0.close() }
        waiters.forEach { $0.continuation.resume(throwing: PostgresError(.unavailable, detail: "pool closed")) }
        publish()
        if busy > 0 { _ = await drained.wait(until: deadline) }
    }

    /// The `application_name` the connections report.
    public var applicationName: String { config.applicationName }

    /// Counts of open connections (for tests and diagnostics).
    public var connectionCounts: (idle: Int, busy: Int) {
        state.withLock { ($0.idle.count, $0.busy + $0.opening) }
    }

    /// Runs one statement and returns its rows.
    public func query(_ sql: SQL) async throws -> [PostgresRow] {
        try await withConnection { try await self.run(sql, on: $0).rows }
    }

    /// Runs one statement and returns the number of affected rows.
    @discardableResult
    public func execute(_ sql: SQL) async throws -> Int {
        try await withConnection { try await self.run(sql, on: $0).affectedRows }
    }

    /// A closure for `Health.addCheck`: `SELECT 1` within one second.
    public func healthCheck() -> @Sendable () async -> HealthCheckResult {
        { [self] in
            do {
                _ = try await withConnection { try await self.run("SELECT 1", on: $0, timeout: .seconds(1)) }
                return .healthy
            } catch {
                return .unhealthy("database unavailable")
            }
        }
    }

    func run(_ sql: SQL, on connection: PGConnection, timeout: Duration? = nil) async throws -> PGQueryResult {
        let limit = timeout ?? config.statementTimeout, started = MonotonicClock.nanoseconds()
        defer { durations.observe(Double(MonotonicClock.nanoseconds() - started) / 1e9) }
        return try await connection.run { try $0.execute(sql, timeout: limit) }
    }

    func publish() {
        let (idle, busy) = connectionCounts
        idleGauge.set(Double(idle))
        busyGauge.set(Double(busy))
    }
}
