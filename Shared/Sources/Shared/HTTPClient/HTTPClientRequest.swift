#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// An outgoing HTTP/1.1 request for `HTTPClient`: plain `http://` only.
///
/// `Host`, `Content-Length` and `Connection` are computed by the client (a caller's `Host`
/// wins; a caller's `Connection: close` is honoured; caller `Content-Length` and
/// `Transfer-Encoding` are ignored so the framing always matches the body).
public struct HTTPClientRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL, e.g. `http://127.0.0.1:8001/api/patients/5?x=1`.
    public var url: String
    /// Extra header fields, sent in order.
    public var headers: HTTPHeaders
    /// The body, or nil for none.
    public var body: [UInt8]?
    /// The total time allowed for this request; nil uses the client's `requestTimeout`.
    public var timeout: Duration?

    /// Creates a request.
    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:],
        body: [UInt8]? = nil, timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// A `GET` request.
    public static func get(_ url: String, headers: HTTPHeaders = [:], timeout: Duration? = nil) -> HTTPClientRequest {
        HTTPClientRequest(method: .get, url: url, headers: headers, timeout: timeout)
    }

    /// A `DELETE` request without a body.
    public static func delete(_ url: String, headers: HTTPHeaders = [:], timeout: Duration? = nil) -> HTTPClientRequest {
        HTTPClientRequest(method: .delete, url: url, headers: headers, timeout: timeout)
    }

    /// A request whose body is `value` encoded with `JSONEncoder`, with
    /// `Content-Type: application/json`. Throws the encoder's error.
    public static func json<Value: Encodable>(
        _ method: HTTPMethod, _ url: String, _ value: Value,
        headers: HTTPHeaders = [:], timeout: Duration? = nil
    ) throws -> HTTPClientRequest {
        let data = try JSONEncoder().encode(value)
        var fields = headers
        fields["Content-Type"] = "application/json"
        return HTTPClientRequest(method: method, url: url, headers: fields, body: [UInt8](data), timeout: timeout)
    }
}
