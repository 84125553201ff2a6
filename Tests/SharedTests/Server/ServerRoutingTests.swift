import Foundation
import Testing
@testable import Shared
import TestSupport

/// Routing outcomes on the wire: the spec's 404/405 messages, problems, 500s, bad paths.
@Suite("Server routing and errors")
struct ServerRoutingTests {
    private func get(_ port: Int, _ target: String, method: String = "GET") async throws -> RawResponse? {
        try await converse(port, wire(target, ["Connection: close"], method: method)).first
    }

    @Test("an unknown path gets 404 with the spec's message")
    func notFound() async throws {
        try await withServer { server in
            let response = try await get(server.port, "/nowhere")
            #expect(response?.status == 404)
            #expect(response?.message == "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.")
            #expect(response?.header("Content-Type") == "application/problem+json")
        }
    }

    @Test("a known path with another method gets 405, the spec's message and Allow")
    func methodNotAllowed() async throws {
        try await withServer { server in
            let post = try await get(server.port, "/hello", method: "POST")
            #expect(post?.status == 405)
            #expect(post?.message == "The method is not allowed for the requested URL.")
            #expect(Set(post?.header("Allow")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [])
                    == ["GET", "HEAD"])
            let get = try await get(server.port, "/small")
            #expect(get?.status == 405)
            #expect(get?.header("Allow") == "POST")
        }
    }

    @Test("a thrown Problem gives its status and message")
    func problem() async throws {
        try await withServer { server in
            let response = try await get(server.port, "/problem")
            #expect(response?.status == 409)
            #expect(response?.message == "Slot already booked")
        }
    }

    @Test("a plain error gives a generic 500 that leaks nothing")
    func plainError() async throws {
        try await withServer { server in
            let response = try await get(server.port, "/crash")
            #expect(response?.status == 500)
            #expect(response?.message == "Internal Server Error")
            #expect(response?.text.contains("secret") == false)
            #expect(server.logSink.capturedLines.contains { $0.contains("PlainError") && !$0.contains("secret") })
        }
    }

    @Test("malformed or traversing paths get 400", arguments: ["/a/../b", "/%2e%2e/x", "/items/%2E%2E", "/%zz", "/a%00b", "/items/%c0%ae", "/items/a%0d%0aX-Evil:1"])
    func badPath(_ target: String) async throws {
        try await withServer { server in
            let response = try await get(server.port, target)
            #expect(response?.status == 400)
            #expect(response?.message == "Invalid request path")
        }
    }

    @Test("an escaped slash stays inside its segment")
    func escapedSlash() async throws {
        try await withServer { server in
            let response = try await get(server.port, "/items/a%2Fb")
            #expect(response?.text == "item a/b")
        }
    }

    @Test("a malformed query string gets 400", arguments: ["/hello?a=%ff", "/hello?a=%zz", "/hello?%"])
    func badQuery(_ target: String) async throws {
        try await withServer { server in
            let response = try await get(server.port, target)
            #expect(response?.status == 400)
            #expect(response?.message == "Invalid query string")
        }
    }
}
