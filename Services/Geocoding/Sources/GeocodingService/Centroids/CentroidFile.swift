internal import Shared
internal import Glibc

/// Reading a centroid file from disk. The read and the parse run on a thread of their own,
/// never on the cooperative pool.
public enum CentroidFile {
    /// Files above this size are refused (GeoNames' `DE.txt` is about 1.5 MiB).
    static let maxBytes = 256 << 20
    static let executor = SerialThreadExecutor(name: "geo-centroids")

    /// The file's format and filtered rows.
    public static func load(_ path: String) async throws(CentroidImportError) -> (CentroidFileFormat, CentroidRows) {
        let result: Result<(CentroidFileFormat, CentroidRows), CentroidImportError> = await withTaskExecutorPreference(executor) {
            do throws(CentroidImportError) {
                let bytes = try contents(path)
                return .success((CentroidFileFormat.detect(bytes), try CentroidFileFormat.parse(bytes)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The whole file; blocking.
    static func contents(_ path: String) throws(CentroidImportError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(reason()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(reason()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable("not a regular file") }
        guard Int(info.st_size) <= maxBytes else { throw .unreadable("larger than \(maxBytes >> 20) MiB") }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        bytes.reserveCapacity(Int(info.st_size))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason())
            }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maxBytes { throw .unreadable("larger than \(maxBytes >> 20) MiB") }
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}

/// The outcome of one import, printed by `geocoding import-plz` as one JSON line.
public struct CentroidImportSummary: Sendable, Equatable {
    /// The detected file format.
    public var format: CentroidFileFormat
    /// Rows read.
    public var read: Int
    /// PLZs inserted.
    public var imported: Int
    /// PLZs that existed and were updated.
    public var updated: Int
    /// Rows dropped by the filters (including further rows of a PLZ already read).
    public var skipped: Int

    /// `{"format":"json","read":…,"imported":…,"updated":…,"skipped":…}`.
    public var json: String {
        var builder = JSONBuilder()
        builder.member("format", string: format.rawValue)
        builder.member("read", int: read)
        builder.member("imported", int: imported)
        builder.member("updated", int: updated)
        builder.member("skipped", int: skipped)
        return String(decoding: builder.finish(), as: UTF8.self)
    }
}
