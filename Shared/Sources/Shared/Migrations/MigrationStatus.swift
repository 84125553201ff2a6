/// The state of every known version of one schema, for `migrate status`.
public struct MigrationStatus: Sendable, Equatable {
    /// The state of one version.
    public enum State: String, Sendable, Equatable {
        /// Recorded as applied, checksum matches.
        case applied
        /// On disk, not applied yet.
        case pending
        /// Applied, but the file changed since (checksum drift).
        case changed
        /// Applied, but the file is gone.
        case missing
        /// A non-transactional run failed part-way; needs repair.
        case failed
        /// Pending but older than the newest applied version (refused by default).
        case outOfOrder = "out-of-order"
    }

    /// One line of the report.
    public struct Entry: Sendable, Equatable {
        /// The version.
        public let version: Int
        /// The description (from the file, or from history when the file is missing).
        public let description: String
        /// Its state.
        public let state: State
        /// When it was applied, if it was.
        public let appliedAt: String?
    }

    /// Every version found on disk or in history, ascending.
    public let entries: [Entry]

    /// Builds the report from the same inputs as `MigrationPlan`.
    public init(files: [MigrationFile], history: [AppliedMigration], plan: MigrationPlan) {
        let rows = Dictionary(history.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let fileByVersion = Dictionary(files.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var states: [Int: State] = [:]
        for problem in plan.problems {
            switch problem {
            case .checksumChanged: states[problem.version] = .changed
            case .missingOnDisk: states[problem.version] = .missing
            case .failed: states[problem.version] = .failed
            case .outOfOrder: states[problem.version] = .outOfOrder
            }
        }
        let versions = Set(rows.keys).union(fileByVersion.keys).sorted()
        entries = versions.map { version in
            let row = rows[version]
            let state = states[version] ?? (row == nil ? .pending : .applied)
            let description = fileByVersion[version]?.description ?? row?.description ?? ""
            return Entry(version: version, description: description, state: state, appliedAt: row?.appliedAt)
        }
    }

    /// One line per version: `V0001  create_schema  applied  2025-03-01 10:15:00+00`.
    public var lines: [String] {
        entries.map { entry in
            var line = "\(MigrationFile.label(entry.version))  \(entry.description)  \(entry.state.rawValue)"
            if let appliedAt = entry.appliedAt { line += "  \(appliedAt)" }
            return line
        }
    }
}
