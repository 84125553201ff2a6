#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import Shared

/// The local archive of imported files (`PATIENT_IMPORT_LOCAL_PATH`): verified files are kept
/// under their name, failures under `failed/`. Runs on the importer's own thread.
struct ImportArchive: Sendable {
    let root: String
    var failedFolder: String { root + "/failed" }

    /// Creates the folder and its `failed/` subfolder.
    func prepare() throws {
        try FileManager.default.createDirectory(atPath: failedFolder, withIntermediateDirectories: true)
    }

    /// Saves the verified document, pretty-printed UTF-8, as `<root>/<file>`.
    func save(_ document: JSONValue, file: String) throws {
        try write(JSONWriter(indent: 2).bytes(document), to: root + "/" + file)
    }

    /// Moves `<root>/<file>` to `failed/<file>` (replacing an older one).
    func moveToFailed(_ file: String) {
        let source = root + "/" + file, target = failedFolder + "/" + file
        guard FileManager.default.fileExists(atPath: source) else { return }
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.moveItem(atPath: source, toPath: target)
    }

    /// Writes `failed/<file>` with `{"error", "timestamp", "file_name"}` for a file that never verified.
    func recordRejected(_ file: String, error: String, at time: UTCTimestamp) throws {
        let record: JSONValue = ["error": .string(error), "timestamp": .string(time.isoNaive), "file_name": .string(file)]
        try write(JSONWriter(indent: 2).bytes(record), to: failedFolder + "/" + file)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ImportArchiveError(path: path)
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}

/// The archive folder could not be written.
struct ImportArchiveError: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot write \(path)" }
}
