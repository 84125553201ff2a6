/// Maps method + path to handlers. Templates are literal segments and `{name}` parameters
/// (`/api/patients/{id}`); literal segments win over parameters. Paths are matched segment by
/// segment on the raw path and each segment is percent-decoded exactly once, so `%2F` never
/// splits a segment. Unknown paths give 404; known paths with another method give 405 + `Allow`.
/// HEAD is served by the GET handler (the body is dropped by the server).
public struct Router: Sendable {
    /// One registered route.
    public struct Route: Sendable {
        /// The method.
        public let method: HTTPMethod
        /// The template as registered.
        public let template: String
        /// Body limit for this route, overriding the server default.
        public let maxBodyBytes: Int?
        /// The handler.
        public let handler: Handler
    }

    /// The outcome of a lookup.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
        /// The path itself is malformed (bad escape, dot segment, NUL): answer 400.
        case invalidPath
    }

    private var root = Node()
    /// Every route in registration order (used by contract tests against `openapi.yaml`).
    public private(set) var routes: [Route] = []

    /// An empty router.
    public init() {}

    /// Registers `handler` for `method` and `template`; a duplicate registration is a programming error.
    public mutating func on(_ method: HTTPMethod, _ template: String, maxBodyBytes: Int? = nil, use handler: @escaping Handler) {
        precondition(template.hasPrefix("/"), "route templates start with /")
        let route = Route(method: method, template: template, maxBodyBytes: maxBodyBytes, handler: handler)
        let segments = template == "/" ? [] : template.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        root.insert(route, segments: segments[...])
        routes.append(route)
    }

    /// Registers a GET route (HEAD is served by it too).
    public mutating func get(_ template: String, use handler: @escaping Handler) { on(.get, template, use: handler) }
    /// Registers a POST route.
    public mutating func post(_ template: String, maxBodyBytes: Int? = nil, use handler: @escaping Handler) {
        on(.post, template, maxBodyBytes: maxBodyBytes, use: handler)
    }
    /// Registers a PUT route.
    public mutating func put(_ template: String, maxBodyBytes: Int? = nil, use handler: @escaping Handler) {
        on(.put, template, maxBodyBytes: maxBodyBytes, use: handler)
    }
    /// Registers a PATCH route.
    public mutating func patch(_ template: String, maxBodyBytes: Int? = nil, use handler: @escaping Handler) {
        on(.patch, template, maxBodyBytes: maxBodyBytes, use: handler)
    }
    /// Registers a DELETE route.
    public mutating func delete(_ template: String, use handler: @escaping Handler) { on(.delete, template, use: handler) }

    /// Looks up the route for `method` and a raw (undecoded) `path`.
    public func match(_ method: HTTPMethod, path: Substring) -> Match {
        guard path.utf8.first == UInt8(ascii: "/") else { return .invalidPath }
        var segments: [String] = []
        if path.utf8.count > 1 {
            for raw in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                guard let segment = PercentDecoding.decode(raw), Self.isAcceptable(segment) else { return .invalidPath }
                segments.append(segment)
            }
        }
        var parameters: [String: String] = [:]
        guard let node = root.find(segments[...], &parameters) else { return .notFound }
        if let route = node.methods[method] ?? (method == .head ? node.methods[.get] : nil) {
            return .found(route, parameters: parameters)
        }
        var allowed = node.methods.keys.sorted { $0.rawValue < $1.rawValue }
        if node.methods[.get] != nil && node.methods[.head] == nil { allowed.append(.head) }
        return .methodNotAllowed(allowed: allowed)
    }

    /// Dot segments and control characters never reach handlers (path traversal, log injection).
    private static func isAcceptable(_ segment: String) -> Bool {
        segment != "." && segment != ".." && !segment.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
    }
}

/// A trie node: literal children, at most one parameter child, handlers by method.
/// Nodes are mutated only while routes are registered, before the router is shared, and are
/// read-only afterwards: register every route on one router value, then hand it over.
private final class Node: @unchecked Sendable {
    var literals: [String: Node] = [:]
    var parameter: (name: String, node: Node)?
    var methods: [HTTPMethod: Router.Route] = [:]

    /// The node with handlers for `segments`, preferring literal children and backtracking to
    /// the parameter child when the literal branch does not lead to a route.
    func find(_ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> Node? {
        guard let first = segments.first else { return methods.isEmpty ? nil : self }
        if let child = literals[first], let found = child.find(segments.dropFirst(), &parameters) { return found }
        // A parameter never matches an empty segment: `/items/` and `/items//edit` are not `/items/{id}…`.
        guard !first.isEmpty, let (name, child) = parameter else { return nil }
        let saved = parameters
        parameters[name] = first
        if let found = child.find(segments.dropFirst(), &parameters) { return found }
        parameters = saved
        return nil
    }

    func insert(_ route: Router.Route, segments: ArraySlice<Substring>) {
        guard let first = segments.first else {
            precondition(methods[route.method] == nil, "duplicate route \(route.method) \(route.template)")
            methods[route.method] = route
            return
        }
        if first.hasPrefix("{") && first.hasSuffix("}") {
            let name = String(first.dropFirst().dropLast())
            if parameter == nil { parameter = (name, Node()) }
            precondition(parameter!.name == name, "conflicting parameter names at \(route.template)")
            parameter!.node.insert(route, segments: segments.dropFirst())
        } else {
            let child = literals[String(first)] ?? Node()
            literals[String(first)] = child
            child.insert(route, segments: segments.dropFirst())
        }
    }
}
