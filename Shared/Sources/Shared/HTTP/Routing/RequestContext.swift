/// Per-request information handlers receive next to the `Request`.
public struct RequestContext: Sendable {
    /// The request id (accepted from `X-Request-Id` or generated); echoed in the response.
    public let requestID: String
    /// The matched route template, e.g. `/api/patients/{id}`.
    public let route: String
    /// Decoded path parameters by name.
    public let parameters: [String: String]
    /// A logger carrying `request.id`.
    public let logger: Logger

    /// Creates a context (the server does this; tests may too).
    public init(requestID: String, route: String, parameters: [String: String] = [:], logger: Logger) {
        self.requestID = requestID
        self.route = route
        self.parameters = parameters
        self.logger = logger
    }

    /// The path parameter `name` converted to `T`; a missing or unconvertible value is a 400
    /// problem naming the parameter.
    public func parameter<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self) throws(Problem) -> T {
        guard let raw = parameters[name], let value = T(raw) else {
            throw Problem(.badRequest, "Invalid path parameter '\(name)'")
        }
        return value
    }

    /// The path parameter `name` (default `id`) as a row id: a non-negative integer in
    /// PostgreSQL's `integer` range. Anything else does not match the route, as in the original
    /// APIs: 404 with the generic not-found message.
    public func rowID(_ name: String = "id") throws(Problem) -> Int {
        guard let raw = parameters[name], !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let id = Int(raw), id <= Int(Int32.max) else { throw Problem.routeNotFound }
        return id
    }
}

/// A route handler. Handlers run as tasks on the server's handler threads, never on the event loop; they
/// must not block (database and HTTP calls go through async APIs backed by owned threads).
public typealias Handler = @Sendable (Request, RequestContext) async throws -> Response
