/// One row of `<schema>.schema_migrations`, as far as the planner needs it.
public struct AppliedMigration: Sendable, Equatable {
    /// The migration's version.
    public let version: Int
    /// The description recorded when it ran.
    public let description: String
    /// The checksum of the file when it ran.
    public let checksum: UInt32
    /// False when a non-transactional migration failed part-way ("dirty").
    public let success: Bool
    /// When it ran, as rendered by the database (e.g. `2025-03-01 10:15:00+00`).
    public let appliedAt: String

    /// A history row.
    public init(version: Int, description: String, checksum: UInt32, success: Bool, appliedAt: String) {
        self.version = version
        self.description = description
        self.checksum = checksum
        self.success = success
        self.appliedAt = appliedAt
    }
}
