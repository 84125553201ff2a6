/// Why an `HTTPClient` request failed. The description names the endpoint (`host:port`) and
/// the code plus a fixed detail phrase chosen by the client; it never contains bodies, URLs'
/// paths or queries, or header values.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The closed set of failure kinds.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The URL is not `http://host[:port][/path][?query]` or contains forbidden bytes.
        case invalidURL
        /// The method or a header name/value is not valid on the wire (e.g. CR/LF/NUL).
        case invalidRequest
        /// The TCP connection could not be established (refused, unreachable, unresolvable).
        case connectFailed
        /// Establishing the TCP connection took longer than `connectTimeout`.
        case connectTimeout
        /// The whole request took longer than its deadline.
        case requestTimeout
        /// The peer closed or reset the connection before the response was complete.
        case connectionClosed
        /// The peer's response violates HTTP/1.1 framing or the client's parsing limits.
        case malformedResponse
        /// The response body exceeds `maxResponseBytes`.
        case responseTooLarge
        /// The calling task was cancelled.
        case cancelled
        /// The client was shut down.
        case shutdown
    }

    /// The kind of failure.
    public let code: Code
    /// The peer as `host:port`, when known.
    public let endpoint: String?
    /// A short fixed phrase from the client with more context, e.g. `connection refused`.
    public let detail: String?

    /// Creates an error.
    public init(_ code: Code, endpoint: String? = nil, detail: String? = nil) {
        self.code = code
        self.endpoint = endpoint
        self.detail = detail
    }

    /// E.g. `HTTP client connectFailed (127.0.0.1:8001): connection refused`.
    public var description: String {
        var text = "HTTP client \(code.rawValue)"
        if let endpoint { text += " (\(endpoint))" }
        if let detail { text += ": \(detail)" }
        return text
    }

    /// The same failure with another code, keeping endpoint and detail.
    func with(code newCode: Code) -> HTTPClientError {
        HTTPClientError(newCode, endpoint: endpoint, detail: detail)
    }
}
