import Testing
@testable import Shared
import TestSupport

/// Deadlines the server enforces (300 ms here): the server's own timeout is the event each test
/// waits for; the client's 5 s read timeout only turns a missing answer into a failure.
@Suite("Server timeouts")
struct ServerTimeoutTests {
    @Test("a head that never completes gets 408 and the connection closes")
    func slowHeader() async throws {
        try await withServer(limits: .fastTimeouts) { server in
            let result = try await converse(server.port, "GET /hello HTTP/1.1\r\nHost: t\r\nX-Part")
            #expect(result.first?.status == 408)
            #expect(result.first?.announcesClose == true)
            #expect(result.closedCleanly)
        }
    }

    @Test("a body that stops arriving gets 408 and the connection closes")
    func slowBody() async throws {
        try await withServer(limits: .fastTimeouts) { server in
            let result = try await converse(server.port, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            #expect(result.first?.status == 408)
            #expect(result.closedCleanly)
        }
    }

    @Test("a connection that sends nothing is closed silently")
    func idleConnection() async throws {
        try await withServer(limits: .fastTimeouts) { server in
            let result = try await converse(server.port, [], responses: 0)
            #expect(result.responses.isEmpty)
            #expect(result.closedCleanly)
        }
    }

    @Test("an idle keep-alive connection is closed silently after its response")
    func idleAfterResponse() async throws {
        try await withServer(limits: .fastTimeouts) { server in
            let result = try await converse(server.port, wire("/hello"))
            #expect(result.first?.status == 200)
            #expect(result.first?.announcesClose == false)
            #expect(result.closedCleanly)
        }
    }

    @Test("the header deadline covers the next pipelined request, not only the first")
    func slowSecondHeader() async throws {
        try await withServer(limits: .fastTimeouts) { server in
            let result = try await converse(server.port, wire("/items/1") + "GET /items/2 HTTP/1.1\r\nHo", responses: 2)
            #expect(result.statuses == [200, 408])
            #expect(result.closedCleanly)
        }
    }
}
