import Testing
@testable import Shared
import TestSupport

/// Message semantics: HEAD, `Expect: 100-continue`, chunked request bodies.
@Suite("Server messages")
struct ServerMessageTests {
    @Test("HEAD gets the GET headers with its Content-Length and no body bytes")
    func head() async throws {
        try await withServer { server in
            let port = server.port
            let (head, get, closed) = try await blocking { () -> (RawResponse?, RawResponse?, Bool) in
                let client = try RawClient(port: port)
                // Pipelined: a body byte after the HEAD response would corrupt the GET response.
                client.send(wire("/hello", method: "HEAD") + wire("/hello", ["Connection: close"]))
                let head = client.readResponse(headRequest: true)
                return (head, client.readResponse(), client.readsEOF() && client.pending.isEmpty)
            }
            #expect(head?.status == 200)
            #expect(head?.header("Content-Length") == "12")
            #expect(head?.body.isEmpty == true)
            #expect(get?.text == "hello, world")
            #expect(closed)
        }
    }

    @Test("an error after a HEAD on the same connection still carries its body")
    func errorAfterHead() async throws {
        try await withServer { server in
            let result = try await blocking { [port = server.port] () -> (RawResponse?, RawResponse?, Bool) in
                let client = try RawClient(port: port)
                client.send(wire("/hello", method: "HEAD") + "GET /hello HTTP/1.1\r\nHost: t\r\nBad Name: 1\r\n\r\n")
                let head = client.readResponse(headRequest: true)
                return (head, client.readResponse(), client.readsEOF() && client.pending.isEmpty)
            }
            #expect(result.0?.status == 200)
            #expect(result.1?.status == 400)
            #expect(result.1?.message == "Invalid header field name")
            #expect(result.2)
        }
    }

    @Test("Expect: 100-continue gets an interim 100 before the body, then the final response")
    func expectContinue() async throws {
        try await withServer { server in
            let port = server.port
            let (interim, final) = try await blocking { () -> (RawResponse?, RawResponse?) in
                let client = try RawClient(port: port)
                let interim = client.roundTrip("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 7\r\n\r\n")
                return (interim, client.roundTrip("payload"))
            }
            #expect(interim?.status == 100)
            #expect(final?.status == 200)
            #expect(final?.echo?.body == "payload")
        }
    }

    @Test("Expect: 100-continue with a body over the limit gets 413 instead of 100")
    func expectContinueTooLarge() async throws {
        try await withServer { server in
            let result = try await converse(server.port, "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
            #expect(result.statuses == [413])
            #expect(result.closedCleanly)
        }
    }

    @Test("a chunked body with extensions and trailers is decoded; the next request follows")
    func chunkedWithExtensionsAndTrailers() async throws {
        try await withServer { server in
            let chunked = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\nWiki\r\n6 ; quoted=\"a b\"\r\npedia \r\nB\r\nin chunks.\n\r\n0\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n"
            let result = try await converse(server.port, chunked + wire("/items/7", ["Connection: close"]), responses: 2)
            #expect(result.first?.echo?.body == "Wikipedia in chunks.\n")
            #expect(result.first?.echo?.header("Transfer-Encoding") == "chunked")
            #expect(result.responses.dropFirst().first?.text == "item 7")
            #expect(result.closedCleanly)
        }
    }

    @Test("an empty chunked body is an empty body")
    func emptyChunked() async throws {
        try await withServer { server in
            let text = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"
            let result = try await converse(server.port, text)
            #expect(result.first?.status == 200)
            #expect(result.first?.echo?.body == "")
        }
    }
}
