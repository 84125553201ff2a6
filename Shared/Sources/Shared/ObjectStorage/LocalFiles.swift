#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking file-system calls behind `LocalObjectStorage`, with plain syscalls so errors
/// carry the errno reason and a label (never file contents).
enum LocalFiles {
    /// One directory entry.
    struct Entry {
        let name: String
        let isDirectory: Bool
        let isRegularFile: Bool
    }

    /// The entries of the folder at `path` (without `.`, `..` and names that are not UTF-8);
    /// nil when the folder does not exist.
    static func entries(at path: String, label: String) throws(ObjectStorageError) -> [Entry]? {
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw .io("cannot list \(ObjectStorageError.quoted(label)): \(reason(code))")
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
            }
            guard let name, name != ".", name != ".." else { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {   // follow links, ask the file system
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, 0) == 0 else { continue }
                kind = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : 0
            }
            entries.append(Entry(name: name, isDirectory: kind == Int32(DT_DIR), isRegularFile: kind == Int32(DT_REG)))
        }
        return entries
    }

    /// Whether `path` is a folder (following links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The content of the regular file at `path`; `.notFound(label)` when there is none.
    static func read(at path: String, label: String) throws(ObjectStorageError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(errno, "read", label) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(errno, "read", label) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notFound(label) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readSome(fd, $0) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno, "read", label)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Removes the file at `path`; `.notFound(label)` when there is none (or it is a folder).
    static func remove(at path: String, label: String) throws(ObjectStorageError) {
        guard unlink(path) != 0 else { return }
        let code = errno
        throw code == EISDIR || code == EPERM && isDirectory(path) ? .notFound(label) : failure(code, "delete", label)
    }

    /// `ENOENT`/`ENOTDIR` as `.notFound(label)`, anything else as `.io`.
    static func failure(_ code: Int32, _ operation: String, _ label: String) -> ObjectStorageError {
        if code == ENOENT || code == ENOTDIR { return .notFound(label) }
        return .io("cannot \(operation) \(ObjectStorageError.quoted(label)): \(reason(code))")
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// `read(2)` under a name the `LocalFiles.read(at:label:)` member cannot shadow.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(fd, buffer.baseAddress, buffer.count)
}
