import Testing
@testable import Shared

/// Route lookup without sockets: `Router.match` on raw paths.
@Suite("Router")
struct RouterTests {
    private static func router() -> Router {
        var router = Router()
        let ok: Handler = { _, _ in Response() }
        router.get("/", use: ok)
        router.get("/items", use: ok)
        router.post("/items", use: ok)
        router.get("/items/new", use: ok)
        router.get("/items/{id}", use: ok)
        router.delete("/items/{id}", use: ok)
        router.get("/items/{id}/edit", use: ok)
        router.put("/files/{name}", use: ok)
        router.on(.head, "/probe", use: ok)
        return router
    }

    private let router = Self.router()

    /// The template and parameters of a found route, nil otherwise.
    private func found(_ method: HTTPMethod, _ path: Substring) -> (String, [String: String])? {
        guard case .found(let route, let parameters) = router.match(method, path: path) else { return nil }
        return (route.template, parameters)
    }

    private func allowed(_ method: HTTPMethod, _ path: Substring) -> [String]? {
        guard case .methodNotAllowed(let allowed) = router.match(method, path: path) else { return nil }
        return allowed.map(\.rawValue).sorted()
    }

    private func outcome(_ path: Substring) -> String {
        switch router.match(.get, path: path) {
        case .found: "found"
        case .methodNotAllowed: "405"
        case .notFound: "404"
        case .invalidPath: "invalid"
        }
    }

    @Test("a literal segment beats a parameter")
    func literalWins() {
        #expect(found(.get, "/items/new")?.0 == "/items/new")
        #expect(found(.get, "/items/42")?.0 == "/items/{id}")
        #expect(found(.get, "/items/42")?.1 == ["id": "42"])
        #expect(found(.get, "/")?.0 == "/")
    }

    @Test("a literal branch that leads nowhere backtracks to the parameter branch")
    func backtracking() {
        let match = found(.get, "/items/new/edit")
        #expect(match?.0 == "/items/{id}/edit")
        #expect(match?.1 == ["id": "new"])
    }

    @Test("another method on a known path is 405 with Allow, HEAD included where GET is")
    func methodNotAllowed() {
        #expect(allowed(.put, "/items") == ["GET", "HEAD", "POST"])
        #expect(allowed(.post, "/items/7") == ["DELETE", "GET", "HEAD"])
        #expect(allowed(.get, "/files/a") == ["PUT"])
        #expect(allowed(.get, "/probe") == ["HEAD"])
    }

    @Test("HEAD is served by the GET handler")
    func headServedByGet() {
        #expect(found(.head, "/items/3")?.0 == "/items/{id}")
        #expect(found(.head, "/probe")?.0 == "/probe")
        #expect(found(.head, "/files/x") == nil)
    }

    @Test("each segment is percent-decoded exactly once; %2F stays inside its segment")
    func decodingOnce() {
        #expect(found(.put, "/files/a%2Fb")?.1 == ["name": "a/b"])
        #expect(found(.put, "/files/%252e%252e")?.1 == ["name": "%2e%2e"])
        #expect(found(.put, "/files/caf%C3%A9")?.1 == ["name": "café"])
        #expect(found(.get, "/it%65ms/new")?.0 == "/items/new")
    }

    @Test("dot segments, control characters and bad escapes are invalid paths",
          arguments: ["/items/..", "/items/.", "/items/%2e%2E", "/items/a%00", "/items/%0Aa", "/items/%7f",
                      "/items/%zz", "/items/%4", "/items/%c0%ae", "/./items", "items"])
    func invalidPaths(_ path: String) {
        #expect(outcome(path[...]) == "invalid")
    }

    @Test("a trailing slash or an empty segment is not found")
    func trailingSlash() {
        #expect(outcome("/items/") == "404")
        #expect(outcome("/items/new/") == "404")
        #expect(outcome("/items//edit") == "404")
        #expect(outcome("//items") == "404")
        #expect(outcome("/nowhere") == "404")
    }

    @Test("registering the same method and template twice is a programming error")
    func duplicateRegistrationTraps() async {
        await #expect(processExitsWith: .failure) {
            var router = Router()
            router.get("/twice") { _, _ in Response() }
            router.get("/twice") { _, _ in Response() }
        }
    }
}
