public import Shared
import Synchronization

/// A fake Nominatim + OSRM on a loopback port, with the deterministic answers of external.md
/// §4.1–4.2 (see `FakeOSM+Answers.swift`). Point both `OSM_API_URL` and `OSRM_API_URL` at `url`.
///
/// It records every request (path, target, `User-Agent`) and counts them per endpoint, so tests
/// can assert caching (no second upstream call), rate limiting, retries and fallbacks. Failures
/// are scripted with `failNext(_:status:on:)`, `answerRoutes(code:)` and `override(_:status:body:)`.
public final class FakeOSM: Sendable {
    /// The three upstream calls the fake serves.
    public enum Endpoint: String, Sendable, CaseIterable {
        /// `GET /search` (Nominatim).
        case search
        /// `GET /reverse` (Nominatim).
        case reverse
        /// `GET /route/v1/{profile}/{coordinates}` (OSRM).
        case route
    }

    /// A request the fake received.
    public struct Received: Sendable {
        /// Which endpoint was called.
        public let endpoint: Endpoint
        /// The raw request target (path and query, still percent-encoded).
        public let target: String
        /// The decoded path, e.g. `/route/v1/car/13.405,52.52;11.582,48.1351`.
        public let path: String
        /// The decoded query parameters.
        public let query: QueryParameters
        /// The `User-Agent` header, if any.
        public let userAgent: String?
    }

    struct State {
        var received: [Received] = []
        var failures: [(endpoint: Endpoint?, status: HTTPStatus)] = []
        var routeCode = "Ok"
        var overrides: [Endpoint: (status: HTTPStatus, body: String)] = [:]
    }

    final class Box: Sendable { let state = Mutex(State()) }
    let box = Box()
    private let server: TestServer

    /// Starts the fake on an ephemeral loopback port.
    public init() async throws {
        let box = self.box
        var router = Router()
        router.get("/search") { request, _ in FakeOSM.handle(.search, request, box: box) }
        router.get("/reverse") { request, _ in FakeOSM.handle(.reverse, request, box: box) }
        router.get("/route/v1/{profile}/{coordinates}") { request, context in
            FakeOSM.handle(.route, request, box: box, parameters: context.parameters)
        }
        server = try await TestServer(router: router)
    }

    /// `http://127.0.0.1:<port>` (no trailing slash): the base of both upstreams.
    public var url: String { "http://127.0.0.1:\(server.port)" }

    /// Every request received since the start or the last `reset()`, in order.
    public var received: [Received] { box.state.withLock { $0.received } }

    /// How many requests `endpoint` received (failed ones included).
    public func count(_ endpoint: Endpoint) -> Int { box.state.withLock { $0.received.filter { $0.endpoint == endpoint }.count } }

    /// How many requests the fake received in total.
    public var totalCount: Int { box.state.withLock { $0.received.count } }

    /// Answers the next `count` requests (to `endpoint`, or to any endpoint when nil) with
    /// `status` and an empty JSON object; they are still recorded and counted. Adds to what is queued.
    public func failNext(_ count: Int, status: HTTPStatus, on endpoint: Endpoint? = nil) {
        box.state.withLock { $0.failures += Array(repeating: (endpoint, status), count: count) }
    }

    /// Makes OSRM answer 200 `{"code": <code>, "routes": []}` unless `code` is `Ok` (the default).
    public func answerRoutes(code: String) { box.state.withLock { $0.routeCode = code } }

    /// Answers every request to `endpoint` with `status` and `body` verbatim until `reset()`
    /// (e.g. malformed JSON); scripted failures still come first.
    public func override(_ endpoint: Endpoint, status: HTTPStatus = .ok, body: String) {
        box.state.withLock { $0.overrides[endpoint] = (status, body) }
    }

    /// Forgets requests, queued failures, overrides and the route code.
    public func reset() { box.state.withLock { $0 = State() } }

    /// Stops the server.
    public func stop() async { await server.stop() }

    private static func handle(_ endpoint: Endpoint, _ request: Request, box: Box,
                               parameters: [String: String] = [:]) -> Response {
        let path = PercentDecoding.decode(request.path) ?? String(request.path)
        let received = Received(endpoint: endpoint, target: request.target, path: path, query: request.query,
                                userAgent: request.headers["User-Agent"])
        let scripted = box.state.withLock { state -> (status: HTTPStatus, body: String)? in
            state.received.append(received)
            if let index = state.failures.firstIndex(where: { $0.endpoint == nil || $0.endpoint == endpoint }) {
                return (state.failures.remove(at: index).status, "{}")
            }
            if let override = state.overrides[endpoint] { return override }
            return endpoint == .route && state.routeCode != "Ok" ? (.ok, #"{"code":"\#(state.routeCode)","routes":[]}"#) : nil
        }
        if let scripted { return Response.json(bytes: Array(scripted.body.utf8), status: scripted.status) }
        let answer: (status: HTTPStatus, body: JSONValue) = switch endpoint {
        case .search: (.ok, FakeOSMAnswers.search(request.query["q"] ?? ""))
        case .reverse: (.ok, FakeOSMAnswers.reverse(lat: request.query["lat"], lon: request.query["lon"]))
        case .route: FakeOSMAnswers.route(parameters["coordinates"] ?? "")
        }
        return Response.json(bytes: JSONWriter().bytes(answer.body), status: answer.status)
    }
}
