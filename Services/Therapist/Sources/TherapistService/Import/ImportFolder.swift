internal import Foundation

/// One file a cycle imports: where it is and how statistics name it (`URGENT/<name>` or
/// `<date>/<name>`, therapist.md §2.7).
struct ImportFile: Sendable, Equatable {
    let path: String
    let label: String
    /// The file name without folders (`52062.json`).
    var name: String { String(label.split(separator: "/").last ?? Substring(label)) }
}

/// What a cycle finds in the import folders (therapist.md §6.1): the urgent files first (every
/// `*.json` directly in the sibling `<basename>_urgent`, by name), then per ZIP code the file of
/// the newest `YYYYMMDD` sub-folder of the base folder, by date folder and name. Files are only
/// ever read: the mounts are read-only.
struct ImportFolder: Sendable {
    /// `THERAPIST_IMPORT_FOLDER_PATH`.
    let base: String

    /// The sibling urgent folder: `/scraping_data` → `/scraping_data_urgent`.
    var urgent: String {
        var trimmed = base
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "_urgent"
    }

    /// The files of one cycle and whether the base folder exists. A missing folder is not an
    /// error; an existing one that cannot be listed throws.
    func scan() throws -> (files: [ImportFile], baseExists: Bool) {
        var files: [ImportFile] = []
        if Self.isDirectory(urgent) {
            for name in try Self.jsonFiles(in: urgent) {
                files.append(ImportFile(path: urgent + "/" + name, label: "URGENT/" + name))
            }
        }
        guard Self.isDirectory(base) else { return (files, false) }
        var newest: [String: (date: String, name: String)] = [:]
        let dates = try FileManager.default.contentsOfDirectory(atPath: base)
            .filter { $0.utf8.count == 8 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && Self.isDirectory(base + "/" + $0) }
        for date in dates {
            for name in try Self.jsonFiles(in: base + "/" + date) {
                let zip = String(name.dropLast(5))
                if let known = newest[zip], known.date >= date { continue }
                newest[zip] = (date, name)
            }
        }
        let regular = newest.values.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
        files += regular.map { ImportFile(path: base + "/" + $0.date + "/" + $0.name, label: $0.date + "/" + $0.name) }
        return (files, true)
    }

    /// Regular `*.json` files directly inside `folder`, sorted by name.
    private static func jsonFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".json") && !isDirectory(folder + "/" + $0) }
            .sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
