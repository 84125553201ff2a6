/// The connection of one `PostgresPool.transaction`: statements run inside `BEGIN … COMMIT`.
/// Valid only inside the closure; do not keep it.
public struct PostgresTransaction: Sendable {
    let pool: PostgresPool
    let connection: PGConnection

    /// Runs one statement in the transaction and returns its rows.
    public func query(_ sql: SQL) async throws -> [PostgresRow] {
        try await pool.run(sql, on: connection).rows
    }

    /// Runs one statement in the transaction and returns the number of affected rows.
    @discardableResult
    public func execute(_ sql: SQL) async throws -> Int {
        try await pool.run(sql, on: connection).affectedRows
    }
}

extension PostgresPool {
    /// Runs `body` in a transaction: `BEGIN`, a `SET LOCAL statement_timeout` (transaction
    /// scoped, so safe behind PgBouncer), `body`, then `COMMIT`; any error thrown by `body` or
    /// by a statement rolls the transaction back and is rethrown.
    public func transaction<T: Sendable>(_ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await withConnection { connection in
            let tx = PostgresTransaction(pool: self, connection: connection)
            let millis = PGConnection.nanoseconds(config.statementTimeout) / 1_000_000
            _ = try await run("BEGIN", on: connection)
            do {
                _ = try await run(SQL(unsafe: "SET LOCAL statement_timeout = \(millis)"), on: connection)
                let value = try await body(tx)
                _ = try await run("COMMIT", on: connection)
                return value
            } catch {
                _ = try? await run("ROLLBACK", on: connection)
                throw error
            }
        }
    }
}
