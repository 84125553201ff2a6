/// `MigrationDatabase` on ONE direct PostgreSQL session (never PgBouncer): the advisory lock
/// is session state, so lock, DDL and history writes must share the connection.
///
/// Bounded lock wait: `pg_advisory_lock` runs in a short transaction with
/// `set_config('lock_timeout', …, true)`, so the wait is limited by the server (SQLSTATE 55P03
/// → `MigrationError.lockTimeout`) while the session lock itself outlives that transaction.
/// The lock timeout does not apply to the migrations' own statements, which get the
/// session-wide `statementTimeout` instead of the services' short default.
public final class PostgresMigrationDatabase: MigrationDatabase {
    let connection: PGConnection
    /// Longest wait for another run's advisory lock.
    public let lockTimeout: Duration
    /// Longest one migration file (or any other statement) may run.
    public let statementTimeout: Duration

    private init(connection: PGConnection, lockTimeout: Duration, statementTimeout: Duration) {
        (self.connection, self.lockTimeout, self.statementTimeout) = (connection, lockTimeout, statementTimeout)
    }

    /// Opens a session on `config.direct`; call `close()` when done.
    public static func connect(
        _ config: DatabaseConfig, lockTimeout: Duration = .seconds(60), statementTimeout: Duration = .seconds(900)
    ) async throws -> PostgresMigrationDatabase {
        guard !config.direct.isPgBouncer else {
            throw MigrationError.notDirect(host: config.direct.host, port: config.direct.port)
        }
        let connection = try await PGConnection.connect(config.connectionParameters(for: config.direct),
                                                        requireUTC: false)
        let database = PostgresMigrationDatabase(connection: connection, lockTimeout: lockTimeout,
                                                 statementTimeout: statementTimeout)
        do {
            try await database.execute("SELECT set_config('statement_timeout', \(milliseconds(statementTimeout)), false)")
            // `IF NOT EXISTS` notices would otherwise go to stderr through libpq on every run.
            try await database.execute("SELECT set_config('client_min_messages', 'warning', false)")
        } catch {
            connection.close()
            throw error
        }
        return database
    }

    /// Closes the session (which also drops any advisory lock it still held).
    public func close() { connection.close() }

    /// Runs `body` holding the schema's session advisory lock on this direct connection; the wait is bounded by `lockTimeout`.
    public func withAdvisoryLock<T: Sendable>(
        key: Int64, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try await acquire(key)
        let value: T
        do {
            value = try await body()
        } catch {
            _ = try? await execute("SELECT pg_advisory_unlock(\(key))")
            throw error
        }
        try await execute("SELECT pg_advisory_unlock(\(key))")
        return value
    }

    private func acquire(_ key: Int64) async throws {
        let waitLimit = lockTimeout
        do {
            try await transaction {
                _ = try $0.execute("SELECT set_config('lock_timeout', \(Self.milliseconds(waitLimit)), true)",
                               timeout: waitLimit + .seconds(5))
                _ = try $0.execute("SELECT pg_advisory_lock(\(key))", timeout: waitLimit + .seconds(5))
            }
        } catch let error as PostgresError where error.sqlState == "55P03" {
            throw MigrationError.lockTimeout(schemaKey: key, waited: waitLimit)
        }
    }

    // MARK: statements on the one session

    /// Runs one parameterised statement.
    @discardableResult
    func execute(_ sql: SQL) async throws -> PGQueryResult {
        let limit = statementTimeout + .seconds(5)
        return try await connection.run { try $0.execute(sql, timeout: limit) }
    }

    /// Runs `body` on the worker inside `BEGIN … COMMIT`, rolling back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        let limit = statementTimeout + .seconds(5)
        return try await connection.run { connection in
            _ = try connection.execute("BEGIN", timeout: limit)
            do {
                let value = try body(connection)
                _ = try connection.execute("COMMIT", timeout: limit)
                return value
            } catch {
                _ = try? connection.execute("ROLLBACK", timeout: limit)
                throw error
            }
        }
    }

    /// A duration as the text of a PostgreSQL millisecond setting.
    static func milliseconds(_ duration: Duration) -> String {
        String(PGConnection.nanoseconds(duration) / 1_000_000)
    }
}
