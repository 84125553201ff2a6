/// What `up` would do for one schema: the pending files in version order, or the problems that
/// forbid running anything. Computed by a pure function of the files and the history.
public struct MigrationPlan: Sendable, Equatable {
    /// Files with no history row, in version order (including refused out-of-order ones).
    public let pending: [MigrationFile]
    /// Everything that blocks `up`; empty when the plan may run.
    public let problems: [MigrationProblem]

    /// True when `up` may apply `pending`.
    public var isRunnable: Bool { problems.isEmpty }

    /// Compares `files` (on disk) with `history` (applied rows). Versions older than the newest
    /// applied one are refused as `outOfOrder` unless `allowOutOfOrder` is set.
    public init(files: [MigrationFile], history: [AppliedMigration], allowOutOfOrder: Bool = false) {
        let filesByVersion = Dictionary(files.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let appliedVersions = Set(history.map(\.version))
        var problems: [MigrationProblem] = []
        for row in history.sorted(by: { $0.version < $1.version }) {
            guard row.success else {
                problems.append(.failed(version: row.version, description: row.description, appliedAt: row.appliedAt))
                continue
            }
            guard let file = filesByVersion[row.version] else {
                problems.append(.missingOnDisk(version: row.version, description: row.description))
                continue
            }
            if file.checksum != row.checksum {
                problems.append(.checksumChanged(version: row.version, fileName: file.fileName,
                                                 recorded: row.checksum, actual: file.checksum))
            }
        }
        let pending = files.filter { !appliedVersions.contains($0.version) }.sorted { $0.version < $1.version }
        if !allowOutOfOrder, let newest = appliedVersions.max() {
            for file in pending where file.version < newest {
                problems.append(.outOfOrder(version: file.version, fileName: file.fileName, newestApplied: newest))
            }
        }
        self.pending = pending
        self.problems = problems
    }

    /// The pending files, or `MigrationError.planProblems` when anything blocks the run.
    public func runnable() throws(MigrationError) -> [MigrationFile] {
        guard isRunnable else { throw .planProblems(problems) }
        return pending
    }
}
