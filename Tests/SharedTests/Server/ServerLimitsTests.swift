import Testing
@testable import Shared
import TestSupport

/// Size limits (reliability.md §1.2): each is answered with its status and a closed connection.
@Suite("Server size limits")
struct ServerLimitsTests {
    @Test("a request line over 8 KiB gets 414 and the connection closes")
    func longRequestLine() async throws {
        try await withServer { server in
            let result = try await converse(server.port, wire("/hello?q=" + String(repeating: "a", count: 8300)))
            #expect(result.first?.status == 414)
            #expect(result.first?.announcesClose == true)
            #expect(result.closedCleanly)
        }
    }

    @Test("a request line just under the limit is served")
    func requestLineAtLimit() async throws {
        try await withServer { server in
            let target = "/echo?q=" + String(repeating: "a", count: 8000)
            let result = try await converse(server.port, wire(target, ["Connection: close"]))
            #expect(result.first?.status == 200)
            #expect(result.first?.echo?.target == target)
        }
    }

    @Test("a header section over 32 KiB gets 431 and the connection closes")
    func largeHeaderSection() async throws {
        try await withServer { server in
            let fields = (0..<40).map { "X-Filler-\($0): " + String(repeating: "v", count: 1000) }
            let result = try await converse(server.port, wire("/hello", fields))
            #expect(result.first?.status == 431)
            #expect(result.closedCleanly)
        }
    }

    @Test("a single header line over 8 KiB gets 431")
    func longHeaderLine() async throws {
        try await withServer { server in
            let result = try await converse(server.port, wire("/hello", ["X-Big: " + String(repeating: "v", count: 8300)]))
            #expect(result.first?.status == 431)
            #expect(result.closedCleanly)
        }
    }

    @Test("more than 100 header fields get 431; exactly 100 are accepted")
    func headerCount() async throws {
        try await withServer { server in
            let tooMany = try await converse(server.port, wire("/hello", (1...100).map { "X-N\($0): 1" }))
            #expect(tooMany.first?.status == 431)
            #expect(tooMany.closedCleanly)
            let enough = try await converse(server.port, wire("/hello", (1...98).map { "X-N\($0): 1" } + ["Connection: close"]))
            #expect(enough.first?.status == 200)
        }
    }

    @Test("a Content-Length over the limit gets 413 before any body is sent")
    func contentLengthTooLarge() async throws {
        try await withServer { server in
            let result = try await converse(server.port, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1025\r\n\r\n")
            #expect(result.first?.status == 413)
            #expect(result.first?.message == "Request body too large")
            #expect(result.closedCleanly)
        }
    }

    @Test("a chunked body growing over the limit gets 413")
    func chunkedTooLarge() async throws {
        try await withServer { server in
            let chunk = String(repeating: "c", count: 0x258)
            let head = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            let result = try await converse(server.port, head + "258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(result.first?.status == 413)
            #expect(result.closedCleanly)
        }
    }

    @Test("a route's own body limit applies to it alone")
    func perRouteLimit() async throws {
        try await withServer { server in
            let body = String(repeating: "b", count: 32)
            let small = try await converse(server.port, wire("/small", method: "POST", body: body))
            #expect(small.first?.status == 413)
            #expect(small.closedCleanly)
            let fits = try await converse(server.port, wire("/small", ["Connection: close"], method: "POST", body: "sixteen bytes ok"))
            #expect(fits.first?.echo?.body == "sixteen bytes ok")
            let other = try await converse(server.port, wire("/echo", ["Connection: close"], method: "POST", body: body))
            #expect(other.first?.status == 200)
            #expect(other.first?.echo?.body == body)
        }
    }
}
