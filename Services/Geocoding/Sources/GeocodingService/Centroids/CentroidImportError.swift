/// Why a centroid import failed as a whole (single bad rows are only counted). The
/// descriptions name the file problem, never file content.
public enum CentroidImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read (the reason is the system's, e.g. "No such file or directory").
    case unreadable(String)
    /// The file is not in a supported format (e.g. broken JSON).
    case malformedFile(String)
    /// Not one row passed the filters: nothing was imported.
    case noCentroids
    /// The database failed; the transaction was rolled back.
    case database(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .malformedFile(let reason): "unsupported file: \(reason)"
        case .noCentroids: "the file holds no valid German PLZ centroid"
        case .database(let reason): "database error, nothing imported: \(reason)"
        }
    }
}
