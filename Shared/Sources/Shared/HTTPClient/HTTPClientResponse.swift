#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// A complete HTTP response received by `HTTPClient` (body fully read and de-chunked).
public struct HTTPClientResponse: Sendable {
    /// The status code and the peer's reason phrase.
    public var status: HTTPStatus
    /// The response header fields, in order (trailers of chunked bodies are not included).
    public var headers: HTTPHeaders
    /// The body bytes; empty for `HEAD`, 1xx, 204 and 304 responses.
    public var body: [UInt8]

    /// Creates a response (useful for test doubles).
    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Decodes the body as JSON with `JSONDecoder`; throws the decoder's error.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// The body as UTF-8 text (invalid sequences become U+FFFD).
    public var bodyString: String { String(decoding: body, as: UTF8.self) }
}
