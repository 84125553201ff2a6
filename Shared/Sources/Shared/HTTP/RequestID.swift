import Synchronization
internal import CSystem

/// The id of the request being handled, carried as a task-local so that logs and outgoing
/// service-to-service calls (`HTTPClient`) attach it without passing it around.
public enum RequestID {
    /// The current request's id, or nil outside a request.
    @TaskLocal public static var current: String?

    /// A new id: a random 64-bit process prefix plus a counter, in hex. Cheap and unique
    /// enough to correlate log lines; not a secret.
    public static func generate() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return prefix + String(n, radix: 16)
    }

    /// Whether an incoming `X-Request-Id` is safe to reuse: 1–128 visible ASCII characters
    /// without quotes or backslashes (it is echoed in headers and written to JSON logs).
    public static func isAcceptable(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 128 else { return false }
        return value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
    }

    private static let counter = Atomic<UInt64>(0)
    private static let prefix: String = {
        var generator = SystemRandomNumberGenerator()
        let hex = String(generator.next() as UInt64, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-"
    }()
}
