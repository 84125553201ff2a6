#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small text files (secrets) with plain syscalls, so failures carry the errno reason
/// and never any of the content.
enum TextFile {
    /// Why a file could not be read, e.g. "No such file or directory".
    struct ReadError: Error {
        let reason: String
    }

    /// Larger files are refused: a secret is a few bytes, and `/dev/zero` must not hang us.
    static let maxBytes = 1 << 20

    /// The file's content as UTF-8 text.
    static func contents(atPath path: String) throws(ReadError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(reason: lastErrorText()) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: lastErrorText())
            }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maxBytes { throw ReadError(reason: "larger than 1 MiB") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(reason: "not valid UTF-8")
        }
        return text
    }

    private static func lastErrorText() -> String { String(cString: strerror(errno)) }
}
