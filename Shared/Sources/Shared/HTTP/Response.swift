#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// An HTTP response: status, header fields and a complete body. `Content-Length`, `Date` and
/// `Connection` are added by the server when it writes the response.
public struct Response: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// Header fields set by the handler.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response encoded with `JSONEncoder` (slashes unescaped, keys in declaration order).
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Response(status: status, headers: ["Content-Type": "application/json"],
                        body: Array(try encoder.encode(value)))
    }

    /// A JSON response from bytes the caller already encoded.
    public static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    /// A plain-text response.
    public static func text(_ text: String, status: HTTPStatus = .ok,
                            contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }
}
