/// What the migrator needs from PostgreSQL. The libpq implementation runs on a **direct**
/// connection (never through PgBouncer), because the advisory lock is session state.
public protocol MigrationDatabase: Sendable {
    /// Runs `body` while holding the session advisory lock `key`, waiting (bounded) for it;
    /// releases the lock afterwards, also when `body` throws.
    func withAdvisoryLock<T: Sendable>(
        key: Int64, _ body: @Sendable () async throws -> T
    ) async throws -> T

    /// `CREATE SCHEMA IF NOT EXISTS` plus the `<schema>.schema_migrations` history table.
    func ensureSchemaAndHistory(schema: String) async throws

    /// Every row of `<schema>.schema_migrations`.
    func history(schema: String) async throws -> [AppliedMigration]

    /// Runs `file.sql` and records a successful history row. With `inTransaction` both happen
    /// in one transaction, so a failure leaves neither; without it the SQL runs first (autocommit)
    /// and the row is written afterwards.
    func apply(_ file: MigrationFile, schema: String, inTransaction: Bool) async throws

    /// Records `file` with `success = false` after a non-transactional failure, which blocks
    /// further runs until repaired.
    func recordFailure(_ file: MigrationFile, schema: String) async throws

    /// Records `files` as applied without running them (`migrate baseline`), in one transaction.
    func recordBaseline(_ files: [MigrationFile], schema: String) async throws

    /// Deletes every `success = false` row (`migrate repair`, after the operator fixed the
    /// schema by hand) and returns the deleted rows.
    func removeFailed(schema: String) async throws -> [AppliedMigration]
}

/// The advisory lock key of a schema's migrations.
public enum MigrationLockKey {
    /// The first 8 bytes (big-endian) of SHA-256("migrate:" + schema): stable across processes,
    /// releases and languages, unlike Swift's seeded `Hasher`.
    public static func forSchema(_ schema: String) -> Int64 {
        let digest = SHA256.hash("migrate:" + schema)
        let bits = digest.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Int64(bitPattern: bits)
    }
}
