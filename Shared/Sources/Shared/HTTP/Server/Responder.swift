/// Runs a routed request through the platform's fixed middleware: request id (accepted from
/// `X-Request-Id` when well-formed, else generated; always echoed), the handler, error mapping
/// (`ProblemConvertible` → its problem; anything else → a generic 500, logged without details
/// that could carry patient data), metrics by route template, and one access-log line.
public struct Responder: Sendable {
    /// The routes.
    public let router: Router
    /// The service logger.
    public let logger: Logger
    /// HTTP metrics.
    public let metrics: HTTPMetrics
    /// Body limit for routes without their own.
    public let defaultMaxBodyBytes: Int
    /// Route templates logged at debug instead of info (probes and scrapes).
    public let quietRoutes: Set<String>

    /// Creates a responder.
    public init(router: Router, logger: Logger, metrics: HTTPMetrics, defaultMaxBodyBytes: Int = 1 << 20,
                quietRoutes: Set<String> = ["/health", "/health/live", "/health/ready", "/metrics"]) {
        self.router = router
        self.logger = logger
        self.metrics = metrics
        self.defaultMaxBodyBytes = defaultMaxBodyBytes
        self.quietRoutes = quietRoutes
    }

    static let notFoundMessage = Problem.routeNotFound.message
    static let methodNotAllowedMessage = "The method is not allowed for the requested URL."

    /// Resolves the route as soon as the head is parsed, to apply the route's body limit.
    func route(_ head: RequestHead) -> (Router.Match, Int) {
        let path = head.target.utf8.firstIndex(of: UInt8(ascii: "?")).map { head.target[..<$0] } ?? head.target[...]
        let match = router.match(head.method, path: path)
        if case .found(let route, _) = match { return (match, route.maxBodyBytes ?? defaultMaxBodyBytes) }
        return (match, defaultMaxBodyBytes)
    }

    /// Answers a request; never throws.
    public func respond(to request: Request) async -> Response {
        await respond(to: request, match: router.match(request.method, path: request.path))
    }

    func respond(to request: Request, match: Router.Match) async -> Response {
        let started = MonotonicClock.nanoseconds()
        let requestID = request.headers["X-Request-Id"].flatMap { RequestID.isAcceptable($0) ? $0 : nil } ?? RequestID.generate()
        var response: Response
        var routeLabel = "unmatched"
        switch match {
        case .found(let route, let parameters):
            routeLabel = route.template
            metrics.inFlight.increment()
            let context = RequestContext(requestID: requestID, route: route.template, parameters: parameters, logger: logger)
            response = await RequestID.$current.withValue(requestID) {
                do { return try await route.handler(request, context) } catch { return mapError(error, route: route.template, requestID: requestID) }
            }
            metrics.inFlight.decrement()
        case .methodNotAllowed(let allowed):
            response = Problem(.methodNotAllowed, Self.methodNotAllowedMessage).response
            response.headers["Allow"] = allowed.map(\.rawValue).joined(separator: ", ")
        case .notFound:
            response = Problem(.notFound, Self.notFoundMessage).response
        case .invalidPath:
            response = Problem(.badRequest, "Invalid request path").response
        }
        response.headers["X-Request-Id"] = requestID
        let seconds = Double(MonotonicClock.nanoseconds() &- started) / 1e9
        metrics.record(method: request.method, route: routeLabel, status: response.status.code, seconds: seconds)
        let level: LogLevel = quietRoutes.contains(routeLabel) ? .debug : .info
        if logger.isEnabled(level) {
            logger.log(level, "request", ["request.id": requestID, "http.method": request.method.rawValue,
                                          "http.route": routeLabel, "http.status": String(response.status.code),
                                          "duration_s": String(seconds), "bytes": String(response.body.count)])
        }
        return response
    }

    private func mapError(_ error: any Error, route: String, requestID: String) -> Response {
        if let convertible = error as? any ProblemConvertible {
            let problem = convertible.problem
            if problem.status.code >= 500 {
                logger.warning("request failed", ["request.id": requestID, "http.route": route,
                                                  "error.type": String(reflecting: type(of: error)), "problem.code": problem.code ?? "-"])
            }
            return problem.response
        }
        // Only the type is logged: error descriptions may contain submitted values (health data).
        logger.error("unhandled error", ["request.id": requestID, "http.route": route,
                                         "error.type": String(reflecting: type(of: error))])
        return Problem(.internalServerError, "Internal Server Error").response
    }
}
