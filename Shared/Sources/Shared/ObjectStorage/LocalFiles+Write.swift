#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalFiles {
    /// Creates the folder `path` and its missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String, label: String) throws(ObjectStorageError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw writeFailure(errno, label)
        }
        try makeDirectories(String(path[..<slash]), label: label)
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw writeFailure(errno, label) }
    }

    /// Writes `bytes` to `folder/file` through a hidden temporary file in the same folder and
    /// `rename`, so readers see the old or the new content, never a part. No `fsync`: this
    /// backend serves development and tests, where crash durability is not worth the cost.
    static func writeAtomically(_ bytes: [UInt8], folder: String, file: String, label: String) throws(ObjectStorageError) {
        let temporary = "\(folder)/.\(file).tmp-\(UInt64.random(in: 0 ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw writeFailure(errno, label) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw writeFailure(code, label)
            }
            written += count
        }
        guard close(fd) == 0, rename(temporary, folder + "/" + file) == 0 else {
            let code = errno
            unlink(temporary)
            throw writeFailure(code, label)
        }
    }

    /// Failed writes are always `.io`: a missing folder here means the tree is broken.
    private static func writeFailure(_ code: Int32, _ label: String) -> ObjectStorageError {
        .io("cannot write \(ObjectStorageError.quoted(label)): \(reason(code))")
    }
}
