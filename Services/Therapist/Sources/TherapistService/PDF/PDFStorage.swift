#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif
internal import Shared

/// One stored PDF form.
public struct PDFFile: Sendable, Equatable {
    /// The name inside the therapist's folder.
    public let filename: String
    /// The absolute path (the communication service attaches files by this path).
    public let path: String
    /// Size in bytes.
    public let size: Int
    /// Modification time, seconds since the epoch (`st_mtime` as Python reads it).
    public let modified: Double
}

/// The therapists' PDF forms on the shared volume: `<base>/<therapist id>/<name>`
/// (therapist.md §3). Every call blocks on the file system; `run` executes work on a thread
/// of its own, off the HTTP handler threads. Symbolic links are never followed below `base`:
/// the therapist folder is opened with `O_NOFOLLOW` and files are reached relative to it,
/// so only regular files directly inside the folder are listed, replaced or deleted.
public struct PDFStorage: Sendable {
    /// The setting naming the base folder.
    public static let configKey = "THERAPIST_PDF_STORAGE_PATH"
    /// The base folder when the setting is absent.
    public static let defaultBase = "/data/therapist_pdfs/development"
    /// One thread for all PDF file work; never stopped (it sleeps when idle).
    static let executor = SerialThreadExecutor(name: "therapist-pdf")

    /// The absolute base folder, without a trailing slash.
    public let base: String

    /// Storage below `base`; a relative path is taken relative to the working directory now.
    public init(base: String) {
        var path = base
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count) == nil
                ? "" : String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = cwd + "/" + path
        }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.base = path
    }

    /// `<base>/<id>`.
    public func folder(_ id: TherapistID) -> String { base + "/" + String(id) }

    /// Runs blocking storage work on the storage thread.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws(PDFError) -> T) async throws(PDFError) -> T {
        let result: Result<T, PDFError> = await withTaskExecutorPreference(Self.executor) {
            do throws(PDFError) { return .success(try work()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The regular files ending in `.pdf` (any case) in the therapist's folder, sorted by name
    /// (code point order, as Python sorts); empty when the folder is missing or unreadable.
    public func list(_ id: TherapistID) -> [PDFFile] {
        guard let folderFD = try? openFolder(id, create: false) else { return [] }
        defer { close(folderFD) }
        let folder = folder(id)
        return Self.pdfEntries(folderFD).map { entry in
            PDFFile(filename: entry.name, path: folder + "/" + entry.name, size: Int(entry.info.st_size),
                    modified: Double(entry.info.st_mtim.tv_sec) + Double(entry.info.st_mtim.tv_nsec) * 1e-9)
        }.sorted { $0.filename.unicodeScalars.lexicographicallyPrecedes($1.filename.unicodeScalars) }
    }

    /// Opens the therapist's folder (`O_NOFOLLOW`), creating it and `base` first when asked;
    /// throws the `errno` on failure.
    func openFolder(_ id: TherapistID, create: Bool) throws(Errno) -> Int32 {
        let path = folder(id)
        if create {
            try Self.makeDirectories(base)
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Errno(errno) }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Errno(errno) }
        return fd
    }

    /// Removes the therapist's folder when it is empty (`rmdir` refuses otherwise).
    func removeFolderIfEmpty(_ id: TherapistID) { _ = rmdir(folder(id)) }

    /// Regular files (not links) whose name ends in `.pdf` in any case, with their status.
    static func pdfEntries(_ folderFD: Int32) -> [(name: String, info: stat)] {
        let copy = dup(folderFD)
        guard copy >= 0, let directory = fdopendir(copy) else { if copy >= 0 { close(copy) }; return [] }
        defer { closedir(directory) }
        var entries: [(name: String, info: stat)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
            }
            guard let name, name.lowercased().hasSuffix(".pdf") else { continue }
            var info = stat()
            guard fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            entries.append((name, info))
        }
        return entries
    }

    /// `mkdir -p` (following links in `path` itself: the base is configured, not user input).
    private static func makeDirectories(_ path: String) throws(Errno) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw Errno(errno) }
        try makeDirectories(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Errno(errno) }
    }
}

/// A failed system call's `errno`, described by `strerror`.
struct Errno: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { String(cString: strerror(code)) }
}
