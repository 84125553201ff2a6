/// Something that stops a schema from being migrated; the planner reports all of them at once.
public enum MigrationProblem: Sendable, Equatable, CustomStringConvertible {
    /// An applied file was edited afterwards: its checksum differs from the recorded one.
    case checksumChanged(version: Int, fileName: String, recorded: UInt32, actual: UInt32)
    /// The history records a version for which there is no file any more.
    case missingOnDisk(version: Int, description: String)
    /// A non-transactional migration failed part-way and must be repaired by hand.
    case failed(version: Int, description: String, appliedAt: String)
    /// A pending file is older than the newest applied version.
    case outOfOrder(version: Int, fileName: String, newestApplied: Int)

    /// The version the problem is about.
    public var version: Int {
        switch self {
        case .checksumChanged(let version, _, _, _), .missingOnDisk(let version, _),
             .failed(let version, _, _), .outOfOrder(let version, _, _):
            version
        }
    }

    /// The message with `binary` as the command an operator should run (`patient`).
    public func message(binary: String) -> String {
        let label = MigrationFile.label(version)
        switch self {
        case .checksumChanged(_, let fileName, let recorded, let actual):
            return "migration \(label) (\(fileName)) changed after it was applied: checksum "
                + "\(actual) on disk, \(recorded) recorded; never edit an applied migration, add a new one"
        case .missingOnDisk(_, let description):
            return "migration \(label) (\(description)) is applied but its file is missing"
        case .failed(_, let description, let appliedAt):
            return "migration \(label) (\(description)) failed on \(appliedAt); "
                + "fix it and run `\(binary) migrate repair`"
        case .outOfOrder(_, let fileName, let newestApplied):
            return "migration \(label) (\(fileName)) is pending but older than the newest applied "
                + "version \(MigrationFile.label(newestApplied)); give it a higher version"
        }
    }

    /// The message with a `<service>` placeholder for the command.
    public var description: String { message(binary: "<service>") }
}
