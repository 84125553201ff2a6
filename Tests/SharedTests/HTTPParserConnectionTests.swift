import Testing
@testable import Shared

@Test("Keep-alive: 1.1 defaults to open, 1.0 to close, and Connection overrides both", arguments: [
    (["GET / HTTP/1.1", "Host: h"], true),
    (["GET / HTTP/1.1", "Host: h", "Connection: close"], false),
    (["GET / HTTP/1.1", "Host: h", "Connection: Keep-Alive, CLOSE"], false),
    (["GET / HTTP/1.1", "Host: h", "Connection: keep-alive"], true),
    (["GET / HTTP/1.0"], false),
    (["GET / HTTP/1.0", "Connection: keep-alive"], true),
    (["GET / HTTP/1.0", "Connection: Keep-Alive"], true),
    (["GET / HTTP/1.0", "Connection: keep-alive, close"], false),
    (["GET / HTTP/1.0", "Connection: upgrade"], false),
])
func parserKeepAlive(lines: [String], keepAlive: Bool) throws {
    let decoded = try #require(expectSingle(raw(lines.joined(separator: "\r\n") + "\r\n\r\n")))
    #expect(decoded.head.keepAlive == keepAlive)
}

@Test("Expect: 100-continue yields sendContinue once, before the body, then the request")
func parserExpectContinue() {
    var decoder = RequestDecoder()
    let limit: (RequestHead) -> Int = { _ in 100 }
    message("PUT /f HTTP/1.1", "Host: h", "Expect: 100-continue", "Content-Length: 10").withUnsafeBytes { decoder.append($0) }
    #expect(decoder.next(bodyLimit: limit) == .sendContinue)
    #expect(decoder.next(bodyLimit: limit) == .needMore)
    raw("01234").withUnsafeBytes { decoder.append($0) }
    #expect(decoder.next(bodyLimit: limit) == .needMore)
    raw("56789").withUnsafeBytes { decoder.append($0) }
    guard case .request(let head, let body) = decoder.next(bodyLimit: limit) else {
        Issue.record("expected the request")
        return
    }
    #expect(head.expectContinue && body == raw("0123456789"))
    #expect(decoder.next(bodyLimit: limit) == .needMore)
}

@Test("Expect: 100-continue works for chunked bodies fed byte by byte, still only once")
func parserExpectContinueChunked() {
    let bytes = message("POST / HTTP/1.1", "Host: h", "Expect: 100-Continue", "Transfer-Encoding: chunked",
                        body: "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
    let decoded = decodeByteByByte(bytes)
    #expect(decoded.events.first == .sendContinue)
    #expect(decoded.continues == 1)
    #expect(decoded.requests.map(\.body) == [raw("abcde")])
}

@Test("No sendContinue for a request without body, for HTTP/1.0, or when the body is over the limit")
func parserExpectContinueNotOffered() {
    let noBody = decode(message("GET / HTTP/1.1", "Host: h", "Expect: 100-continue"))
    #expect(noBody.continues == 0 && noBody.requests.count == 1)
    let http10 = decode(message("POST / HTTP/1.0", "Expect: 100-continue", "Content-Length: 4"))
    #expect(http10.events.isEmpty)
    let tooLarge = decode(message("POST / HTTP/1.1", "Host: h", "Expect: 100-continue", "Content-Length: 101"),
                          bodyLimit: { _ in 100 })
    #expect(tooLarge.events == [.failure(.bodyTooLarge)])
}
