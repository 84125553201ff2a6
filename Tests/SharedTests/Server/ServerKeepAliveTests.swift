import Testing
@testable import Shared
import TestSupport

/// Persistent connections (RFC 9112 §9.3): reuse, `Connection: close`, HTTP/1.0 and the
/// per-connection request cap.
@Suite("Server keep-alive")
struct ServerKeepAliveTests {
    @Test("several sequential requests reuse one connection")
    func reuse() async throws {
        try await withServer { server in
            let port = server.port
            let texts = try await blocking { () -> [String?] in
                let client = try RawClient(port: port)
                return (1...5).map { client.roundTrip(wire("/items/\($0)"))?.text }
            }
            #expect(texts == (1...5).map { "item \($0)" })
        }
    }

    @Test("Connection: close is answered with Connection: close and then EOF")
    func connectionClose() async throws {
        try await withServer { server in
            let result = try await converse(server.port, wire("/hello", ["Connection: close"]))
            #expect(result.first?.status == 200)
            #expect(result.first?.announcesClose == true)
            #expect(result.closedCleanly)
        }
    }

    @Test("HTTP/1.0 closes by default")
    func http10DefaultClose() async throws {
        try await withServer { server in
            let result = try await converse(server.port, "GET /hello HTTP/1.0\r\n\r\n")
            #expect(result.first?.status == 200)
            #expect(result.first?.announcesClose == true)
            #expect(result.closedCleanly)
        }
    }

    @Test("HTTP/1.0 with Connection: keep-alive stays open and says so")
    func http10KeepAlive() async throws {
        try await withServer { server in
            let port = server.port
            let (first, second) = try await blocking { () -> (RawResponse?, RawResponse?) in
                let client = try RawClient(port: port)
                let first = client.roundTrip("GET /items/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                return (first, client.roundTrip("GET /items/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"))
            }
            #expect(first?.text == "item 1")
            // An HTTP/1.0 client keeps the connection only when the response confirms it.
            #expect(first?.header("Connection")?.lowercased() == "keep-alive")
            #expect(second?.text == "item 2")
        }
    }

    @Test("an HTTP/1.1 response on a persistent connection carries no Connection field")
    func http11Persistent() async throws {
        try await withServer { server in
            let port = server.port
            let response = try await blocking { try RawClient(port: port).roundTrip(wire("/hello")) }
            #expect(response?.status == 200)
            #expect(response?.header("Connection") == nil)
        }
    }

    @Test("the last request allowed on a connection is answered with Connection: close")
    func maxRequestsPerConnection() async throws {
        var limits = HTTPLimits.testing
        limits.maxRequestsPerConnection = 3
        try await withServer(limits: limits) { server in
            let port = server.port
            let (responses, closed) = try await blocking { () -> ([RawResponse], Bool) in
                let client = try RawClient(port: port)
                let responses = (1...3).compactMap { client.roundTrip(wire("/items/\($0)")) }
                return (responses, client.readsEOF() && client.pending.isEmpty)
            }
            #expect(responses.map(\.text) == ["item 1", "item 2", "item 3"])
            #expect(responses.map(\.announcesClose) == [false, false, true])
            #expect(closed)
        }
    }
}
