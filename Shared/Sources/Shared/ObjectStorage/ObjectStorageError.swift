/// Why an object-storage operation failed. Descriptions name the object or container and a
/// status or fixed phrase; they never contain object contents, tokens or credentials.
public enum ObjectStorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object (`container/name`) or the container does not exist.
    case notFound(String)
    /// Keystone refused the credentials (its status), or the storage still answered 401 with
    /// a freshly issued token.
    case authenticationFailed(status: Int)
    /// The storage answered a status the operation does not expect.
    case unexpectedStatus(Int, operation: String)
    /// The request did not complete: connection refused, timeout, TLS failure, … (a fixed
    /// phrase with the `host:port`, no path or query).
    case transport(String)
    /// The response could not be used, e.g. a listing that is not the expected JSON.
    case invalidResponse(String)
    /// A container, object name or prefix that is not a safe relative name.
    case invalidName(String)
    /// A local file operation failed (the object name and the system's reason).
    case io(String)
    /// The calling task was cancelled.
    case cancelled

    /// E.g. `object storage: not found: 'dev/registrations/a.json'`.
    public var description: String {
        let text = switch self {
        case .notFound(let name): "not found: \(Self.quoted(name))"
        case .authenticationFailed(let status): "authentication failed (HTTP \(status))"
        case .unexpectedStatus(let status, let operation): "unexpected HTTP \(status) for \(operation)"
        case .transport(let detail): "transport failure: \(detail)"
        case .invalidResponse(let detail): "invalid response: \(detail)"
        case .invalidName(let name): "invalid name \(Self.quoted(name))"
        case .io(let detail): "I/O failure: \(detail)"
        case .cancelled: "cancelled"
        }
        return "object storage: " + text
    }

    /// `value` in single quotes, control characters as `?`, cut after 200 characters, so a
    /// hostile name cannot forge log lines.
    static func quoted(_ value: String) -> String {
        let limit = 200
        var text = String(String.UnicodeScalarView(value.unicodeScalars.prefix(limit).map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "?" : scalar
        }))
        if value.unicodeScalars.count > limit { text += "…" }
        return "'\(text)'"
    }
}
