internal import FoundationEssentials

/// Reads `migrations/<service>/`: every entry must be a valid migration file; hidden files
/// (`.keep`, editor droppings starting with a dot) are ignored.
public enum MigrationDirectory {
    /// The migration files in `path`, sorted by version.
    public static func load(path: String) throws(MigrationError) -> [MigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: "cannot list the folder")
        }
        var entries: [(fileName: String, sql: String)] = []
        for name in names where !name.hasPrefix(".") {
            let filePath = path.hasSuffix("/") ? path + name : path + "/" + name
            guard MigrationFile.parseName(name) != nil else { throw .invalidFileName(name) }
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw .unreadable(path: filePath, reason: "cannot read the file")
            }
            guard let sql = String(validating: data, as: UTF8.self) else {
                throw .unreadable(path: filePath, reason: "not valid UTF-8")
            }
            entries.append((name, sql))
        }
        return try collect(entries)
    }

    /// Parses `entries` (file name, SQL), rejects bad names and duplicate versions, and sorts
    /// by version. Pure: the part of `load` that needs no file system.
    public static func collect(
        _ entries: [(fileName: String, sql: String)]
    ) throws(MigrationError) -> [MigrationFile] {
        var files: [MigrationFile] = []
        for entry in entries.sorted(by: { $0.fileName < $1.fileName }) {
            files.append(try MigrationFile(fileName: entry.fileName, sql: entry.sql))
        }
        let byVersion = Dictionary(grouping: files, by: \.version)
        if let (version, clash) = byVersion.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateVersion(version, files: clash.map(\.fileName).sorted())
        }
        return files.sorted { $0.version < $1.version }
    }
}
