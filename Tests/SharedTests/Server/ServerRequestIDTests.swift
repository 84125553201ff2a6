import Testing
@testable import Shared
import TestSupport

/// `X-Request-Id` on the wire, and response header injection.
@Suite("Server request ids and response headers")
struct ServerRequestIDTests {
    /// The `X-Request-Id` of the response to `GET /echo` sent with `fields`, and the id the handler saw.
    private func ids(_ port: Int, _ fields: [String]) async throws -> (response: String?, handler: String?) {
        let result = try await converse(port, wire("/echo", fields + ["Connection: close"]))
        return (result.first?.header("X-Request-Id"), result.first?.echo?.header("X-Request-Id"))
    }

    @Test("a well-formed incoming id is echoed")
    func validEchoed() async throws {
        try await withServer { server in
            let id = "req-" + String(repeating: "7", count: 124)
            let echoed = try await ids(server.port, ["X-Request-Id: \(id)"]).response
            #expect(echoed == id)
        }
    }

    @Test("a missing id is generated, fresh for each request")
    func missingGenerated() async throws {
        try await withServer { server in
            let first = try await ids(server.port, []).response
            let second = try await ids(server.port, []).response
            #expect(first.map(RequestID.isAcceptable) == true)
            #expect(second.map(RequestID.isAcceptable) == true)
            #expect(first != second)
        }
    }

    @Test("an unsafe incoming id is replaced", arguments: ["has space", "has\"quote", "back\\slash", String(repeating: "x", count: 129)])
    func invalidReplaced(_ id: String) async throws {
        try await withServer { server in
            let (response, sent) = try await ids(server.port, ["X-Request-Id: \(id)"])
            #expect(sent == id)   // the request really carried it
            #expect(response != nil)
            #expect(response != id)
            #expect(response.map(RequestID.isAcceptable) == true)
        }
    }

    @Test("a handler header value with CR LF never becomes a second header line")
    func headerInjection() async throws {
        try await withServer { server in
            let result = try await converse(server.port, wire("/evil", ["Connection: close"]))
            #expect(result.first?.status == 200)
            #expect(result.first?.text == "evil")
            #expect(result.first?.header("X-Evil") == nil)
            #expect(result.first?.headers.contains { $0.value.contains("X-Evil") } == false)
            #expect(result.closedCleanly)
        }
    }
}
