/// Checks containers, object names and prefixes before any backend uses them, so no caller
/// can reach outside a container (`..`), address the root (`/x`) or smuggle NUL or control
/// characters into a path, URL or log line.
enum ObjectName {
    /// Swift's limit for object names, in UTF-8 bytes.
    static let maxBytes = 1024

    /// A container: one non-empty segment.
    static func checkContainer(_ container: String) throws(ObjectStorageError) {
        guard !container.utf8.contains(UInt8(ascii: "/")), isSafeSegment(container[...]) else {
            throw .invalidName(container)
        }
    }

    /// An object name: non-empty relative segments separated by single `/`.
    static func checkName(_ name: String) throws(ObjectStorageError) {
        guard !name.isEmpty, name.utf8.count <= maxBytes,
              name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isSafeSegment) else {
            throw .invalidName(name)
        }
    }

    /// A listing prefix: empty, or an object name optionally ending in `/`.
    static func checkPrefix(_ prefix: String) throws(ObjectStorageError) {
        guard !prefix.isEmpty else { return }
        let body = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        guard !body.isEmpty else { throw .invalidName(prefix) }
        do { try checkName(body) } catch { throw .invalidName(prefix) }
    }

    static func isSafeSegment(_ segment: Substring) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes (Swift's listing order).
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
