import Testing
@testable import Shared

/// A GET whose head up to and including the last field's CRLF is exactly `size` bytes (the final
/// empty line comes on top), made of field lines no longer than 8000 bytes.
private func paddedHead(size: Int) -> [UInt8] {
    var text = "GET / HTTP/1.1\r\nHost: h\r\n"
    var index = 0
    while text.utf8.count < size {
        let remaining = size - text.utf8.count
        let line = remaining - 8000 >= 10 ? 8000 : (remaining > 8000 ? 7000 : remaining)
        let name = "X-" + String(String(index + 1000).suffix(3))   // 5 bytes
        text += name + ": " + String(repeating: "v", count: line - 9) + "\r\n"
        index += 1
    }
    precondition(text.utf8.count == size)
    return raw(text + "\r\n")
}

private func fields(_ count: Int) -> [UInt8] {
    raw("GET / HTTP/1.1\r\nHost: h\r\n" + (1..<count).map { "X-\($0): \($0)\r\n" }.joined() + "\r\n")
}

@Test("A request line of 8 KiB is accepted; one byte more is 414")
func parserRequestLineLimit() {
    let target = "/" + String(repeating: "a", count: 8192 - "GET / HTTP/1.1".count)
    #expect(expectSingle(message("GET \(target) HTTP/1.1", "Host: h"))?.head.target == target)
    expectRejected(message("GET \(target)b HTTP/1.1", "Host: h"), status: 414)
}

@Test("A 100 KB target is 414 as soon as the limit is passed, without waiting for the line end")
func parserLongTargetEarly() {
    let decoded = decode(raw("GET /" + String(repeating: "a", count: 100_000)))
    #expect(decoded.events == [.failure(.requestLineTooLong)])
}

@Test("A header line of 8 KiB is accepted; one byte more is 431, even before its CRLF")
func parserHeaderLineLimit() {
    let value = String(repeating: "v", count: 8192 - "X-A: ".count)
    #expect(expectSingle(message("GET / HTTP/1.1", "Host: h", "X-A: \(value)"))?.head.headers["X-A"] == value)
    expectRejected(message("GET / HTTP/1.1", "Host: h", "X-A: \(value)w"), status: 431)
    #expect(decode(raw("GET / HTTP/1.1\r\nX-A: \(value)w")).status == 431)
}

@Test("A header line over the limit is 431 even if a bare LF follows later in it")
func parserHeaderLineLimitBeforeBareLF() {
    expectRejected(raw("GET / HTTP/1.1\r\nX-A: " + String(repeating: "v", count: 9000) + "\n\r\n"), status: 431)
}

@Test("100 header fields are accepted; 101 are 431")
func parserHeaderCountLimit() {
    #expect(expectSingle(fields(100))?.head.headers.count == 100)
    expectRejected(fields(101), status: 431)
}

@Test("A 32 KiB header section is accepted; one byte more is 431, fed whole or byte by byte")
func parserHeaderSectionLimit() {
    #expect(expectSingle(paddedHead(size: 32 * 1024)) != nil)
    expectRejected(paddedHead(size: 32 * 1024 + 1), status: 431)
    expectRejected(paddedHead(size: 40 * 1024), status: 431)
}

@Test("Custom limits set on the decoder apply")
func parserCustomLimits() {
    var limits = HTTPLimits()
    limits.maxHeaderCount = 3
    limits.maxRequestLineBytes = 20
    #expect(expectSingle(fields(3), limits: limits) != nil)
    expectRejected(fields(4), status: 431, limits: limits)
    expectRejected(message("GET /0123456789 HTTP/1.1", "Host: h"), status: 414, limits: limits)
}

@Test("Content-Length over the route limit is 413 before any body byte arrives")
func parserContentLengthOverLimit() {
    let head = message("POST /upload HTTP/1.1", "Host: h", "Content-Length: 11")
    #expect(decode(head, bodyLimit: { _ in 10 }).events == [.failure(.bodyTooLarge)])
    #expect(expectSingle(head + raw("0123456789a"), bodyLimit: 11)?.body.count == 11)
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Content-Length: 99999999999999999999999"), status: 413)
}

@Test("The body limit is asked per request with its head")
func parserBodyLimitPerRoute() {
    let limit: (RequestHead) -> Int = { $0.target == "/upload" ? 20 : 5 }
    let bytes = message("POST /upload HTTP/1.1", "Host: h", "Content-Length: 12", body: "twelve bytes")
        + message("POST /json HTTP/1.1", "Host: h", "Content-Length: 12", body: "twelve bytes")
    let decoded = decode(bytes, bodyLimit: limit)
    #expect(decoded.requests.map(\.head.target) == ["/upload"])
    #expect(decoded.failure == .bodyTooLarge)
}

@Test("A chunked body may reach the limit but not pass it: 413")
func parserChunkedOverLimit() {
    let exact = message("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", body: "5\r\nabcde\r\n5\r\nfghij\r\n0\r\n\r\n")
    #expect(expectSingle(exact, bodyLimit: 10)?.body == raw("abcdefghij"))
    expectRejected(exact, status: 413, bodyLimit: 9)
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", body: "7FFFFFFFFFFFFFFF\r\n"),
                   status: 413)
}
