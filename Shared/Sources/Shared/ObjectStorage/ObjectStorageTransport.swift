/// Sends the HTTP requests of `SwiftObjectStorage` (Keystone and Swift). The production URLs
/// are `https`, which our `HTTPClient` does not speak, so the exchange sits behind this
/// protocol: `ObjectStorageHTTPTransport` (our client, `http://`), `ObjectStorageURLSessionTransport`
/// (`https://`) and `ObjectStorageSchemeTransport`, which picks one of them per URL.
public protocol ObjectStorageTransport: Sendable {
    /// Sends `request` and returns the complete response; every status is a response. A failed
    /// exchange is `.transport` (a fixed phrase and `host:port`, never the path, query, headers
    /// or body) or `.cancelled`.
    func send(_ request: ObjectStorageRequest) async throws(ObjectStorageError) -> ObjectStorageResponse
}

/// A request of the object-storage protocols. Printing, dumping or reflecting it shows only
/// method and URL: the headers carry the token and the Keystone body the credential.
public struct ObjectStorageRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, `http://` or `https://`, path segments already percent-encoded.
    public var url: String
    /// The header fields (e.g. `X-Auth-Token`; never log them).
    public var headers: HTTPHeaders
    /// The body, or nil for none.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: HTTPMethod, url: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil) {
        (self.method, self.url, self.headers, self.body) = (method, url, headers, body)
    }

    /// `GET <url>`, without headers and body.
    public var description: String { "\(method) \(url)" }
    /// The same as `description`.
    public var debugDescription: String { description }
    /// A mirror without children, so `dump` cannot reveal headers or body.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// A complete response of the object-storage protocols.
public struct ObjectStorageResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields (case-insensitive lookup).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        (self.status, self.headers, self.body) = (status, headers, body)
    }
}

/// Sends `http://` URLs through `HTTPClient` and `https://` URLs through `secure` (the
/// `URLSession` transport of the `HTTPSTransport` target, linked only into binaries that need it).
public struct ObjectStorageSchemeTransport: ObjectStorageTransport {
    private let plain: ObjectStorageHTTPTransport
    private let secure: (any ObjectStorageTransport)?

    /// Uses `httpClient` for `http://` and `secure` for `https://` (without one, https fails).
    public init(httpClient: HTTPClient, secure: (any ObjectStorageTransport)? = nil) {
        plain = ObjectStorageHTTPTransport(client: httpClient)
        self.secure = secure
    }

    /// Dispatches on the URL's scheme (case-insensitive); any other scheme is `.transport`.
    public func send(_ request: ObjectStorageRequest) async throws(ObjectStorageError) -> ObjectStorageResponse {
        switch URLScheme.of(request.url) {
        case "http": return try await plain.send(request)
        case "https":
            guard let secure else { throw .transport("https is not available in this binary") }
            return try await secure.send(request)
        default: throw .transport("unsupported URL scheme (expected http or https)")
        }
    }
}

/// The lowercased scheme of a URL string, e.g. `https`; nil when there is none.
enum URLScheme {
    static func of(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        return url[..<colon].lowercased()
    }
}
