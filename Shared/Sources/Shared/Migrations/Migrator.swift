/// Migrates one service's schema from its files through a `MigrationDatabase`. Every command
/// holds the schema's advisory lock, so concurrent instances apply each file exactly once.
public struct Migrator: Sendable {
    /// The schema this service owns, e.g. `patient_service`.
    public let schema: String
    /// The executable name used in messages (`patient` → "run `patient migrate repair`").
    public let binary: String
    /// The files on disk, as loaded by `MigrationDirectory`.
    public let files: [MigrationFile]
    /// Whether versions older than the newest applied one may still be applied.
    public let allowOutOfOrder: Bool
    private let database: any MigrationDatabase

    /// A migrator; `schema` must be a lower-case SQL identifier (it is interpolated into DDL).
    public init(
        schema: String, binary: String, files: [MigrationFile],
        database: any MigrationDatabase, allowOutOfOrder: Bool = false
    ) throws(MigrationError) {
        guard Self.isValidSchemaName(schema) else { throw .invalidSchemaName(schema) }
        self.schema = schema
        self.binary = binary
        self.files = files
        self.database = database
        self.allowOutOfOrder = allowOutOfOrder
    }

    /// Whether `schema` is a plain lower-case SQL identifier, safe to put into DDL text.
    public static func isValidSchemaName(_ schema: String) -> Bool {
        guard let first = schema.first, first.isLowercaseASCIILetter || first == "_", schema.utf8.count <= 63
        else { return false }
        return schema.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "_" }
    }

    /// The advisory lock key of `schema`.
    public var lockKey: Int64 { MigrationLockKey.forSchema(schema) }

    /// Applies every pending file in order; returns the applied ones. Validates all checksums
    /// first and applies nothing when the plan has problems.
    @discardableResult
    public func up() async throws -> [MigrationFile] {
        try await locked { database, plan in
            var applied: [MigrationFile] = []
            for file in try plan.runnable() {
                do {
                    try await database.apply(file, schema: schema, inTransaction: file.inTransaction)
                } catch {
                    if !file.inTransaction { try await database.recordFailure(file, schema: schema) }
                    throw MigrationError.migrationFailed(
                        version: file.version, fileName: file.fileName, reason: String(describing: error))
                }
                applied.append(file)
            }
            return applied
        }
    }

    /// The report of every version's state.
    public func status() async throws -> MigrationStatus {
        try await locked { database, plan in
            MigrationStatus(files: files, history: try await database.history(schema: schema), plan: plan)
        }
    }

    /// The plan without applying it: clean when it has no problems and nothing is pending.
    public func validate() async throws -> MigrationPlan {
        try await locked { _, plan in plan }
    }

    /// Records every file up to and including `version` as applied without running it, to adopt
    /// a database created by other means. Refused when the history already has rows.
    @discardableResult
    public func baseline(version: Int) async throws -> [MigrationFile] {
        guard files.contains(where: { $0.version == version }) else {
            throw MigrationError.unknownBaselineVersion(version)
        }
        return try await locked { database, _ in
            guard try await database.history(schema: schema).isEmpty else {
                throw MigrationError.baselineOnNonEmptyHistory(schema: schema)
            }
            let adopted = files.filter { $0.version <= version }
            try await database.recordBaseline(adopted, schema: schema)
            return adopted
        }
    }

    /// Deletes the history rows of failed (non-transactional) runs, after the operator repaired
    /// the schema by hand, so `up` retries those files; returns the deleted rows.
    @discardableResult
    public func repair() async throws -> [AppliedMigration] {
        try await locked { database, _ in try await database.removeFailed(schema: schema) }
    }

    /// Takes the lock, ensures the history table and computes the plan from fresh history.
    private func locked<T: Sendable>(
        _ body: @Sendable (any MigrationDatabase, MigrationPlan) async throws -> T
    ) async throws -> T {
        let database = database
        let schema = schema
        let files = files
        let allowOutOfOrder = allowOutOfOrder
        return try await database.withAdvisoryLock(key: lockKey) {
            try await database.ensureSchemaAndHistory(schema: schema)
            let history = try await database.history(schema: schema)
            let plan = MigrationPlan(files: files, history: history, allowOutOfOrder: allowOutOfOrder)
            return try await body(database, plan)
        }
    }
}
