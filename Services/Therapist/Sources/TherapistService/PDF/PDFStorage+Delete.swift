#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

extension PDFStorage {
    /// Deletes the regular file `filename` directly inside the therapist's folder, then the
    /// folder if it is empty. Refused (`.deleteFailed`) for names that are empty or contain
    /// `..`, `/`, `\` or NUL, for missing entries, links, folders and any I/O error.
    public func delete(_ filename: String, for id: TherapistID) throws(PDFError) {
        let unsafe = filename.isEmpty || filename.contains("..")
            || filename.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 }
        guard !unsafe, let folderFD = try? openFolder(id, create: false) else { throw .deleteFailed(filename: filename) }
        defer { close(folderFD) }
        var info = stat()
        guard fstatat(folderFD, filename, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
              unlinkat(folderFD, filename, 0) == 0 else { throw .deleteFailed(filename: filename) }
        removeFolderIfEmpty(id)
    }

    /// Deletes every file `list` shows (regular, `.pdf` in any case), then the folder if it is
    /// empty; returns how many were deleted (0 without a folder).
    public func deleteAll(for id: TherapistID) throws(PDFError) -> Int {
        let folderFD: Int32
        do throws(Errno) {
            folderFD = try openFolder(id, create: false)
        } catch {
            if error.code == ENOENT { return 0 }
            throw .deleteAllFailed
        }
        defer { close(folderFD) }
        var deleted = 0
        for entry in Self.pdfEntries(folderFD) {
            guard unlinkat(folderFD, entry.name, 0) == 0 else { throw .deleteAllFailed }
            deleted += 1
        }
        removeFolderIfEmpty(id)
        return deleted
    }
}
