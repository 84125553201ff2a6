public import Shared
import Synchronization

/// A stand-in for another service in HTTP tests: answers the routes it was created with from
/// a table the test sets (default: 200 `{}`), and records every request it received.
public final class PeerStub: Sendable {
    /// A request the stub received.
    public struct Received: Sendable {
        public let method: HTTPMethod
        public let target: String
        public let body: [UInt8]
        /// The body parsed as JSON (nil when empty or invalid).
        public var json: JSONValue? { try? JSONParser.parse(body) }
    }

    private struct State {
        var answers: [String: (status: HTTPStatus, body: String)] = [:]
        var received: [Received] = []
    }

    private final class Box: Sendable { let state = Mutex(State()) }
    private let box = Box()
    private let server: TestServer

    /// Starts a stub serving `routes` (method + template) on an ephemeral loopback port.
    public init(routes: [(HTTPMethod, String)]) async throws {
        let box = self.box
        var router = Router()
        for (method, template) in routes {
            router.on(method, template) { request, _ in
                let path = String(request.path)
                let answer = box.state.withLock { state in
                    state.received.append(Received(method: request.method, target: request.target, body: request.body))
                    return state.answers["\(request.method.rawValue) \(path)"] ?? state.answers["\(request.method.rawValue) *"]
                }
                let (status, body) = answer ?? (.ok, "{}")
                return Response(status: status, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
            }
        }
        server = try await TestServer(router: router)
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(server.port)" }

    /// Answers `method path` (exact path without query, or `*` for every path) with `status` and `body`.
    public func answer(_ method: HTTPMethod, _ path: String, status: HTTPStatus = .ok, body: String) {
        box.state.withLock { $0.answers["\(method.rawValue) \(path)"] = (status, body) }
    }

    /// Every request received so far, in order.
    public var received: [Received] { box.state.withLock { $0.received } }

    /// Stops the server.
    public func stop() async { await server.stop() }
}
