#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

extension PDFStorage {
    /// Stores `content` as `name` (already sanitised) in the therapist's folder and returns the
    /// name used. Content that does not start with `%PDF` is refused before anything is written.
    /// An existing entry of that name is never replaced: the name gets `_<YYYYMMDD_HHMMSS>` of
    /// `now` before the extension (then `_2`, `_3`, … if that exists too). The file is written
    /// to a hidden temporary file in the same folder, flushed with `fsync`, and then linked
    /// under its final name, which fails instead of replacing an existing file. A crash
    /// therefore never leaves a partial file under a listed name.
    public func save(_ content: ArraySlice<UInt8>, as name: String, for id: TherapistID, now: LocalDateTime) throws(PDFError) -> String {
        guard content.starts(with: Array("%PDF".utf8)) else { throw .invalidPDF }
        do throws(Errno) {
            let folderFD = try openFolder(id, create: true)
            defer { close(folderFD) }
            let temporary = ".upload-\(String(UInt64.random(in: 0 ... .max), radix: 16)).tmp"
            try Self.write(content, to: temporary, in: folderFD)
            defer { unlinkat(folderFD, temporary, 0) }
            for candidate in Self.candidates(name, timestamp: now.compact) {
                if try Self.place(temporary, as: candidate, in: folderFD) {
                    fsync(folderFD)
                    return candidate
                }
            }
            throw Errno(EEXIST)
        } catch {
            throw .uploadFailed(error.description)
        }
    }

    /// `name`, then `<stem>_<timestamp>.<ext>`, then `<stem>_<timestamp>_2.<ext>` … `_99`.
    static func candidates(_ name: String, timestamp: String) -> [String] {
        guard let dot = name.lastIndex(of: ".") else { return [name] }
        let stem = name[..<dot], ext = name[dot...]
        return [name, "\(stem)_\(timestamp)\(ext)"] + (2...99).map { "\(stem)_\(timestamp)_\($0)\(ext)" }
    }

    /// Creates `file` (which must not exist) in the folder and writes `content` durably.
    private static func write(_ content: ArraySlice<UInt8>, to file: String, in folderFD: Int32) throws(Errno) {
        let fd = openat(folderFD, file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Errno(errno) }
        var failure: Int32 = 0
        content.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlinkat(folderFD, file, 0)
            throw Errno(failure)
        }
    }

    /// Gives the temporary file the name `candidate` unless an entry of that name exists
    /// (false). `linkat` does that atomically; on file systems without hard links it falls
    /// back to check-then-rename, which is safe here because one thread does all PDF writes.
    private static func place(_ temporary: String, as candidate: String, in folderFD: Int32) throws(Errno) -> Bool {
        if linkat(folderFD, temporary, folderFD, candidate, 0) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        guard code == EPERM || code == EOPNOTSUPP || code == EMLINK else { throw Errno(code) }
        var info = stat()
        if fstatat(folderFD, candidate, &info, AT_SYMLINK_NOFOLLOW) == 0 { return false }
        guard errno == ENOENT else { throw Errno(errno) }
        guard renameat(folderFD, temporary, folderFD, candidate) == 0 else { throw Errno(errno) }
        return true
    }
}
