import Testing
@testable import Shared
import TestSupport

/// A request the server must refuse, with the status it must answer.
struct Malformed: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let status: Int

    init(_ name: String, _ text: String, _ status: Int = 400) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.status = status
    }

    init(_ name: String, bytes: [UInt8], _ status: Int = 400) {
        self.name = name
        self.bytes = bytes
        self.status = status
    }

    var testDescription: String { name }

    static let all: [Malformed] = [
        Malformed("CL and TE together", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Malformed("differing duplicate Content-Length", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
        Malformed("Content-Length list that differs", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 4\r\n\r\nabcd"),
        Malformed("signed Content-Length", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc"),
        Malformed("obs-fold", "GET /hello HTTP/1.1\r\nHost: t\r\nX-Folded: a\r\n  b\r\n\r\n"),
        Malformed("bare LF line ending", "GET /hello HTTP/1.1\nHost: t\n\n"),
        Malformed("bare LF after a header", "GET /hello HTTP/1.1\r\nHost: t\nX-A: 1\r\n\r\n"),
        Malformed("bare CR", "GET /hello HTTP/1.1\r\nHost: t\rX-A: 1\r\n\r\n"),
        Malformed("space before the colon", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A : 1\r\n\r\n"),
        Malformed("non-token header name", "GET /hello HTTP/1.1\r\nHost: t\r\nX(A): 1\r\n\r\n"),
        Malformed("underscore in a header name", "GET /hello HTTP/1.1\r\nHost: t\r\nX_A: 1\r\n\r\n"),
        Malformed("NUL in a header value", bytes: Array("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a".utf8) + [0] + Array("b\r\n\r\n".utf8)),
        Malformed("non-ASCII byte in the target", bytes: Array("GET /caf".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: t\r\n\r\n".utf8)),
        Malformed("HTTP/1.1 without Host", "GET /hello HTTP/1.1\r\nAccept: */*\r\n\r\n"),
        Malformed("two Host fields", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        Malformed("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", 505),
        Malformed("unknown Transfer-Encoding", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        Malformed("chunked not alone", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, identity\r\n\r\n", 501),
        Malformed("chunk size overflow", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF0\r\n"),
        Malformed("negative chunk size", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n"),
    ]
}

/// RFC 9112 framing: anything ambiguous is refused and the connection is closed.
@Suite("Server framing")
struct ServerFramingTests {
    @Test("malformed requests are refused with their status and the connection closes", arguments: Malformed.all)
    func refused(_ request: Malformed) async throws {
        try await withServer { server in
            let result = try await converse(server.port, request.bytes)
            #expect(result.first?.status == request.status)
            #expect(result.first?.announcesClose == true)
            #expect(result.closedCleanly)
        }
    }

    @Test("CL.TE smuggling: the follow-up GET on the same socket is never answered")
    func clTeSmuggling() async throws {
        try await withServer { server in
            let port = server.port
            let (first, second, closed) = try await blocking { () -> (RawResponse?, RawResponse?, Bool) in
                let client = try RawClient(port: port)
                client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX")
                let first = client.readResponse()
                client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let second = client.readResponse()
                return (first, second, client.readsEOF() && client.pending.isEmpty)
            }
            #expect(first?.status == 400)
            #expect(second == nil)
            #expect(closed)
        }
    }

    @Test("absolute-form targets are reduced to their path")
    func absoluteForm() async throws {
        try await withServer { server in
            let result = try await converse(server.port, wire("http://example.com/echo?x=1", ["Connection: close"]))
            #expect(result.first?.status == 200)
            #expect(result.first?.echo?.target == "/echo?x=1")
        }
    }
}
