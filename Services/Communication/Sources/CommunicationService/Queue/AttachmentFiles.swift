#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import SMTP

/// Reads the files an email names as attachments (§6.1): only regular files of at most 10 MiB
/// inside the configured roots (`EMAIL_ATTACHMENT_ROOTS`, by default the therapist PDF folder),
/// with symbolic links resolved before the check. Anything else is skipped and the email is
/// still sent, as in the original for missing and oversized files; ⚠ the original attached
/// any file the process could read, whatever path a caller stored.
struct AttachmentFiles: Sendable {
    static let maxBytes = 10 * 1024 * 1024
    /// The resolved roots, each ending in `/`.
    let roots: [String]

    init(roots: [String]) {
        self.roots = roots.compactMap { Self.resolve($0) }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The readable attachments among `paths` and the reasons for the skipped ones (no contents,
    /// only the file's base name).
    func load(_ paths: [String]) -> (attachments: [MailAttachment], skipped: [String]) {
        var attachments: [MailAttachment] = [], skipped: [String] = []
        for path in paths {
            let name = Self.baseName(path)
            switch read(path) {
            case .success(let bytes): attachments.append(MailAttachment(filename: name, bytes: bytes))
            case .failure(let reason): skipped.append("\(name): \(reason.text)")
            }
        }
        return (attachments, skipped)
    }

    struct Skip: Error { let text: String }

    func read(_ path: String) -> Result<[UInt8], Skip> {
        guard let resolved = Self.resolve(path) else { return .failure(Skip(text: "not found")) }
        guard roots.contains(where: { resolved.hasPrefix($0) }) else { return .failure(Skip(text: "outside the attachment folders")) }
        let fd = open(resolved, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(Skip(text: "not readable")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Skip(text: "not a regular file")) }
        guard Int(info.st_size) <= Self.maxBytes else { return .failure(Skip(text: "larger than 10 MiB")) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .failure(Skip(text: "read failed")) }
            filled += count
        }
        return .success(bytes)
    }

    /// The canonical absolute path (links resolved), nil when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard path.hasPrefix("/") || !path.isEmpty, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
    }
}
