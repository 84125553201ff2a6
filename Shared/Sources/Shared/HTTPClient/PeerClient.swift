/// A peer service could not be asked: unreachable, timed out or answered nonsense. The text
/// names the failure kind and endpoint, never request or response bodies.
public struct PeerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the peer could not help.
    public enum Kind: Sendable, Equatable {
        /// No answer at all: refused, reset or timed out (a caller answers 503).
        case unreachable
        /// An answer that cannot be used: an error status or an unreadable body (a caller answers 502).
        case badAnswer
    }

    public let description: String
    /// Unreachable or a bad answer.
    public let kind: Kind
    /// An error described by `description`.
    public init(_ description: String, kind: Kind = .badAnswer) { (self.description, self.kind) = (description, kind) }
}

/// JSON calls to another platform service at `baseURL` (e.g. `http://communication_service:8004`).
/// Failures become `PeerError`s that name the peer and path, never bodies.
public struct PeerClient: Sendable {
    /// The peer's name in messages, e.g. `communication service`.
    public let name: String
    /// Scheme, host and port.
    public let baseURL: String
    let http: HTTPClient

    /// A client for `name` at `baseURL` over `http`.
    public init(name: String, baseURL: String, http: HTTPClient) {
        (self.name, self.baseURL, self.http) = (name, baseURL, http)
    }

    /// `GET path` (with query): the status and the body parsed as JSON (nil when not JSON).
    public func get(_ path: String, timeout: Duration) async throws(PeerError) -> (status: HTTPStatus, json: JSONValue?) {
        let response: HTTPClientResponse
        do { response = try await http.execute(.get(baseURL + path, timeout: timeout)) } catch {
            throw PeerError("\(name) unreachable for GET \(Self.route(path)): \(error.description)", kind: .unreachable)
        }
        return (response.status, try? JSONParser.parse(response.body))
    }

    /// The items of a list endpoint's first page (`data` of the paginated envelope, or a bare
    /// array); empty on a non-2xx answer. A 404 means the route is missing (a peer without its
    /// API yet) and an unreadable body is nonsense: both throw instead of showing an empty list.
    public func list(_ path: String, timeout: Duration) async throws(PeerError) -> [JSONValue] {
        let (status, json) = try await get(path, timeout: timeout)
        if status == .notFound { throw PeerError("\(name) does not serve \(Self.route(path)) (404)") }
        guard status.code / 100 == 2 else { return [] }
        guard let json else { throw PeerError("\(name) answered with an unreadable body") }
        return json["data"]?.arrayValue ?? json.arrayValue ?? []
    }

    /// `POST path` with a JSON body; any non-2xx answer throws.
    public func post(_ path: String, _ body: JSONValue, timeout: Duration) async throws(PeerError) {
        try await send(.post, path, body, timeout: timeout)
    }

    /// `PATCH path` with a JSON body; any non-2xx answer throws.
    public func patch(_ path: String, _ body: JSONValue, timeout: Duration) async throws(PeerError) {
        try await send(.patch, path, body, timeout: timeout)
    }

    /// `PUT path` with a JSON body; any non-2xx answer throws.
    public func put(_ path: String, _ body: JSONValue, timeout: Duration) async throws(PeerError) {
        try await send(.put, path, body, timeout: timeout)
    }

    /// `method path` with a JSON body: the status and the body parsed as JSON (nil when not JSON).
    /// Only a failed exchange throws; the caller judges the status.
    public func exchange(_ method: HTTPMethod, _ path: String, _ body: JSONValue,
                         timeout: Duration) async throws(PeerError) -> (status: HTTPStatus, json: JSONValue?) {
        let request = HTTPClientRequest(method: method, url: baseURL + path, headers: ["Content-Type": "application/json"],
                                        body: JSONWriter().bytes(body), timeout: timeout)
        do {
            let response = try await http.execute(request)
            return (response.status, try? JSONParser.parse(response.body))
        } catch {
            throw PeerError("\(name) unreachable for \(method) \(Self.route(path)): \(error.description)", kind: .unreachable)
        }
    }

    /// `method path` with a JSON body; any non-2xx answer throws a message naming the route.
    func send(_ method: HTTPMethod, _ path: String, _ body: JSONValue, timeout: Duration) async throws(PeerError) {
        let status = try await exchange(method, path, body, timeout: timeout).status
        guard status.code / 100 == 2 else {
            throw PeerError("\(name) answered \(status.code) to \(method) \(Self.route(path))")
        }
    }

    /// The path without its query (queries may carry ids; messages name routes only).
    static func route(_ path: String) -> Substring { path.prefix { $0 != "?" } }
}
