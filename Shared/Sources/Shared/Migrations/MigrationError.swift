/// Why migration files or a migration command could not be used; the description names the
/// file, version or schema so an operator can act on it.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file in the migrations folder does not match `V<digits>__<snake_description>.sql`.
    case invalidFileName(String)
    /// Two files carry the same version number.
    case duplicateVersion(Int, files: [String])
    /// A file or the folder could not be read.
    case unreadable(path: String, reason: String)
    /// The schema name is not a plain lower-case SQL identifier.
    case invalidSchemaName(String)
    /// `baseline` was asked for on a schema that already has history rows.
    case baselineOnNonEmptyHistory(schema: String)
    /// `baseline` named a version for which no file exists.
    case unknownBaselineVersion(Int)
    /// The plan has problems (drift, missing files, failed or out-of-order versions).
    case planProblems([MigrationProblem])
    /// A migration's SQL failed; for transactional files nothing of it was kept.
    case migrationFailed(version: Int, fileName: String, reason: String)
    /// Another run held the schema's advisory lock for longer than the bounded wait.
    case lockTimeout(schemaKey: Int64, waited: Duration)
    /// The database endpoint is PgBouncer, where session advisory locks do not work.
    case notDirect(host: String, port: Int)

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .invalidFileName(let name):
            "invalid migration file name '\(name)': expected V<digits>__<snake_case_description>.sql"
        case .duplicateVersion(let version, let files):
            "duplicate migration version \(MigrationFile.label(version)): \(files.joined(separator: ", "))"
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .invalidSchemaName(let name):
            "invalid schema name '\(name)': expected a lower-case identifier"
        case .baselineOnNonEmptyHistory(let schema):
            "cannot baseline \(schema): its history table already has rows"
        case .unknownBaselineVersion(let version):
            "cannot baseline at \(MigrationFile.label(version)): no such migration file"
        case .planProblems(let problems):
            problems.map(\.description).joined(separator: "; ")
        case .migrationFailed(let version, let fileName, let reason):
            "migration \(MigrationFile.label(version)) (\(fileName)) failed: \(reason)"
        case .lockTimeout(let key, let waited):
            "another migration run holds advisory lock \(key); gave up after \(waited)"
        case .notDirect(let host, let port):
            "migrations need a direct PostgreSQL connection, not PgBouncer at \(host):\(port)"
        }
    }
}
