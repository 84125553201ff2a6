/// `ObjectStorage` on a local folder, for development and tests: `<root>/<container>/<name>`,
/// e.g. `<root>/dev/registrations/a.json`. Containers are the sub-folders of `root`.
///
/// Listings show regular files only and skip names starting with `.` (hidden files and the
/// temporary files of `put`). `put` creates missing folders, including the container's, and
/// replaces the file atomically (temporary file + `rename`). The file I/O is blocking but
/// cheap (small files, local disk); do not point `root` at a network mount.
public struct LocalObjectStorage: ObjectStorage {
    /// The folder holding one sub-folder per container.
    public let root: String

    /// A storage over `root` (relative paths are resolved against the working directory).
    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The sub-folders of `root`, except hidden ones.
    public func listContainers() async throws(ObjectStorageError) -> [String] {
        guard let entries = try LocalFiles.entries(at: root, label: "root folder") else {
            throw .io("root folder \(ObjectStorageError.quoted(root)) does not exist")
        }
        return entries.filter { $0.isDirectory && !$0.name.hasPrefix(".") }.map(\.name).sorted(by: ObjectName.precedes)
    }

    /// The regular files directly in `<root>/<container>/<prefix up to its last />` whose
    /// names start with the rest of `prefix`.
    public func listObjects(container: String, prefix: String) async throws(ObjectStorageError) -> [String] {
        try ObjectName.checkContainer(container)
        try ObjectName.checkPrefix(prefix)
        guard LocalFiles.isDirectory(path(container)) else { throw .notFound(container) }
        var folder = "", start = prefix
        if let slash = prefix.lastIndex(of: "/") {
            folder = String(prefix[...slash])
            start = String(prefix[prefix.index(after: slash)...])
        }
        let label = container + "/" + folder
        guard let entries = try LocalFiles.entries(at: path(container) + "/" + folder, label: label) else { return [] }
        return entries
            .filter { $0.isRegularFile && !$0.name.hasPrefix(".") && $0.name.utf8.starts(with: start.utf8)
                && ObjectName.isSafeSegment($0.name[...]) }
            .map { folder + $0.name }
            .sorted(by: ObjectName.precedes)
    }

    /// The file's bytes.
    public func get(container: String, name: String) async throws(ObjectStorageError) -> [UInt8] {
        try ObjectName.checkContainer(container)
        try ObjectName.checkName(name)
        return try LocalFiles.read(at: path(container) + "/" + name, label: container + "/" + name)
    }

    /// Writes the file atomically, creating missing folders.
    public func put(container: String, name: String, bytes: [UInt8]) async throws(ObjectStorageError) {
        try ObjectName.checkContainer(container)
        try ObjectName.checkName(name)
        var folder = path(container), file = name
        if let slash = name.lastIndex(of: "/") {
            folder += "/" + name[..<slash]
            file = String(name[name.index(after: slash)...])
        }
        try LocalFiles.makeDirectories(folder, label: container + "/" + name)
        try LocalFiles.writeAtomically(bytes, folder: folder, file: file, label: container + "/" + name)
    }

    /// Removes the file.
    public func delete(container: String, name: String) async throws(ObjectStorageError) {
        try ObjectName.checkContainer(container)
        try ObjectName.checkName(name)
        try LocalFiles.remove(at: path(container) + "/" + name, label: container + "/" + name)
    }

    private func path(_ container: String) -> String { root + "/" + container }
}

extension LocalObjectStorage {
    /// Creates the container folder and the given sub-folders (e.g. `registrations/`).
    public func createFolders(container: String, folders: [String]) throws(ObjectStorageError) {
        try ObjectName.checkContainer(container)
        for folder in folders {
            try ObjectName.checkPrefix(folder)
            let path = root + "/" + container + (folder.isEmpty ? "" : "/" + folder)
            try LocalFiles.makeDirectories(path.hasSuffix("/") ? String(path.dropLast()) : path, label: container + "/" + folder)
        }
    }
}
