/// The history table and applying files. The schema name is checked with
/// `Migrator.isValidSchemaName` before it is put into statement text; every value is a parameter.
extension PostgresMigrationDatabase {
    /// Creates the schema and `<schema>.schema_migrations` if they are missing.
    public func ensureSchemaAndHistory(schema: String) async throws {
        let name = try Self.identifier(schema)
        try await execute("CREATE SCHEMA IF NOT EXISTS \(name)")
        try await execute("""
            CREATE TABLE IF NOT EXISTS \(name).schema_migrations (
                version int PRIMARY KEY, description text, checksum bigint, success bool,
                applied_at timestamptz DEFAULT now(), execution_ms int)
            """)
    }

    /// The history rows, oldest version first.
    public func history(schema: String) async throws -> [AppliedMigration] {
        let name = try Self.identifier(schema)
        let rows = try await execute("""
            SELECT version, description, checksum, success,
                   to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' AS applied_at
            FROM \(name).schema_migrations ORDER BY version
            """).rows
        return try rows.map(Self.applied)
    }

    /// Transactional: `BEGIN`, the file body (simple protocol, so several statements work), the
    /// history row, `COMMIT`; any failure rolls everything back. Otherwise the body runs in
    /// autocommit and the row is written after it succeeded. Errors carry the server message.
    /// Note: PostgreSQL runs a multi-statement simple query as one implicit transaction, so a
    /// `-- migrate:no-transaction` file should hold one statement (e.g. one
    /// `CREATE INDEX CONCURRENTLY`), which is what the marker exists for.
    public func apply(_ file: MigrationFile, schema: String, inTransaction: Bool) async throws {
        let name = try Self.identifier(schema)
        let limit = statementTimeout + .seconds(5)
        let (version, description, checksum) = (file.version, file.description, Int64(file.checksum))
        let body = file.sql
        do {
            try await connection.run { connection in
                if inTransaction { _ = try connection.execute("BEGIN", timeout: limit) }
                do {
                    let started = MonotonicClock.nanoseconds()
                    try connection.executeScript(body, timeout: limit)
                    let millis = Int((MonotonicClock.nanoseconds() - started) / 1_000_000)
                    _ = try connection.execute("""
                        INSERT INTO \(name).schema_migrations (version, description, checksum, success, execution_ms)
                        VALUES (\(version), \(description), \(checksum), true, \(millis))
                        """, timeout: limit)
                    if inTransaction { _ = try connection.execute("COMMIT", timeout: limit) }
                } catch {
                    if inTransaction { _ = try? connection.execute("ROLLBACK", timeout: limit) }
                    throw error
                }
            }
        } catch let error as PostgresError {
            throw MigrationSQLError(underlying: error)
        }
    }

    /// Records a failed non-transactional migration (success = false), which blocks later runs.
    public func recordFailure(_ file: MigrationFile, schema: String) async throws {
        let name = try Self.identifier(schema)
        try await execute("""
            INSERT INTO \(name).schema_migrations (version, description, checksum, success)
            VALUES (\(file.version), \(file.description), \(Int64(file.checksum)), false)
            ON CONFLICT (version) DO UPDATE SET success = false, applied_at = now()
            """)
    }

    /// Marks `files` as applied without running them.
    public func recordBaseline(_ files: [MigrationFile], schema: String) async throws {
        let name = try Self.identifier(schema)
        let limit = statementTimeout + .seconds(5)
        try await transaction { connection in
            for file in files {
                _ = try connection.execute("""
                    INSERT INTO \(name).schema_migrations (version, description, checksum, success, execution_ms)
                    VALUES (\(file.version), \(file.description), \(Int64(file.checksum)), true, \(0))
                    """, timeout: limit)
            }
        }
    }

    /// Deletes the failed rows (after the operator repaired the schema) and returns them.
    public func removeFailed(schema: String) async throws -> [AppliedMigration] {
        let name = try Self.identifier(schema)
        let rows = try await execute("""
            DELETE FROM \(name).schema_migrations WHERE success IS NOT TRUE
            RETURNING version, description, checksum, success,
                      to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' AS applied_at
            """).rows
        return try rows.map(Self.applied).sorted { $0.version < $1.version }
    }

    static func identifier(_ schema: String) throws(MigrationError) -> SQL {
        guard Migrator.isValidSchemaName(schema) else { throw .invalidSchemaName(schema) }
        return SQL(unsafe: "\"\(schema)\"")
    }

    static func applied(_ row: PostgresRow) throws -> AppliedMigration {
        let stored = try row.decode("checksum", as: Int64.self)
        guard let checksum = UInt32(exactly: stored) else {
            throw PostgresDecodingError(.typeMismatch, column: "checksum", expected: "UInt32")
        }
        return AppliedMigration(
            version: try row.decode("version", as: Int.self),
            description: try row.decode("description", as: String?.self) ?? "",
            checksum: checksum, success: try row.decode("success", as: Bool?.self) ?? false,
            appliedAt: try row.decode("applied_at", as: String?.self) ?? "")
    }
}

/// A migration file's SQL failed. Unlike `PostgresError.description` this shows the server's
/// message: it is about the repository's DDL and is what the operator running
/// `migrate up` needs to fix the file.
public struct MigrationSQLError: Error, Sendable, CustomStringConvertible {
    /// The database error.
    public let underlying: PostgresError
    /// The code, SQLSTATE and server message.
    public var description: String { underlying.debugDescription.trimmingTrailingNewlines() }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self[...]
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
