import Testing
@testable import Shared

@Test("Content-Length together with Transfer-Encoding is 400, in either order")
func parserContentLengthWithTransferEncoding() {
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Content-Length: 5", "Transfer-Encoding: chunked",
                           body: "0\r\n\r\n"), status: 400)
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", "Content-Length: 5",
                           body: "0\r\n\r\n"), status: 400)
    #expect(decode(message("POST / HTTP/1.1", "Host: h", "Content-Length: 5", "Transfer-Encoding: chunked"))
        .failure == .contentLengthWithTransferEncoding)
}

@Test("CL.TE desync: the smuggled follow-up request is never decoded")
func parserCLTEDesync() {
    let poison = message("POST / HTTP/1.1", "Host: h", "Content-Length: 6", "Transfer-Encoding: chunked",
                         body: "0\r\n\r\nX")
    let decoded = decode(poison + message("GET /admin HTTP/1.1", "Host: h"))
    #expect(decoded.requests.isEmpty)
    #expect(decoded.status == 400)
}

@Test("Differing Content-Length values are 400, as duplicates or as a list", arguments: [
    ["Content-Length: 5", "Content-Length: 6"], ["Content-Length: 5, 6"], ["Content-Length: 5", "Content-Length: 5, 6"],
])
func parserDifferingContentLengths(fields: [String]) {
    let head = (["POST / HTTP/1.1", "Host: h"] + fields).joined(separator: "\r\n")
    expectRejected(raw(head + "\r\n\r\nhello!"), status: 400)
}

@Test("Repeated identical Content-Length values are accepted as one", arguments: [
    ["Content-Length: 5", "Content-Length: 5"], ["Content-Length: 5, 5"],
])
func parserIdenticalContentLengths(fields: [String]) throws {
    let head = (["POST / HTTP/1.1", "Host: h"] + fields).joined(separator: "\r\n")
    let decoded = try #require(expectSingle(raw(head + "\r\n\r\nhello")))
    #expect(decoded.head.contentLength == 5 && decoded.body == raw("hello"))
}

@Test("Content-Length that is not 1*DIGIT is 400", arguments: [
    "+5", "-1", "0x10", " 5 5", "5_0", "5,", "", "1e3", "5.0", "\u{0665}", "5;", "\"5\"",
])
func parserInvalidContentLength(value: String) {
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Content-Length: \(value)", body: "hello"), status: 400)
}

@Test("Content-Length: 0 means no body; the next request follows directly")
func parserZeroContentLength() {
    let decoded = decode(message("POST /a HTTP/1.1", "Host: h", "Content-Length: 0")
        + message("GET /b HTTP/1.1", "Host: h"))
    #expect(decoded.requests.map(\.head.target) == ["/a", "/b"])
    #expect(decoded.requests.allSatisfy { $0.body.isEmpty })
}

@Test("Transfer-Encoding other than exactly chunked is 501", arguments: [
    "gzip", "chunked, identity", "gzip, chunked", "xchunked", "chunkedx", "chunked;q=1", "identity", "",
    "Chunked", "CHUNKED", "\"chunked\"",
])
func parserUnsupportedTransferEncoding(value: String) {
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Transfer-Encoding: \(value)", body: "0\r\n\r\n"),
                   status: 501)
}

@Test("Duplicate Transfer-Encoding, TE in HTTP/1.0 and folded TE are 400", arguments: [
    ["POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"],
    ["POST / HTTP/1.0", "Transfer-Encoding: chunked"],
    ["POST / HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", " , identity"],
])
func parserBadTransferEncodingFraming(lines: [String]) {
    expectRejected(raw(lines.joined(separator: "\r\n") + "\r\n\r\n0\r\n\r\n"), status: 400)
}

@Test("HTTP/1.1 needs exactly one Host; HTTP/1.0 may omit it but not repeat it")
func parserHostRules() {
    expectRejected(message("GET / HTTP/1.1", "Accept: */*"), status: 400)
    expectRejected(message("GET / HTTP/1.1", "Host: a", "Host: b"), status: 400)
    expectRejected(message("GET / HTTP/1.1", "Host: a", "host: a"), status: 400)
    expectRejected(message("GET / HTTP/1.0", "Host: a", "Host: a"), status: 400)
    #expect(expectSingle(message("GET / HTTP/1.0", "Accept: */*")) != nil)
}

@Test("An unsupported Expect value is 417")
func parserUnsupportedExpect() {
    expectRejected(message("POST / HTTP/1.1", "Host: h", "Expect: 200-ok", "Content-Length: 1", body: "x"),
                   status: 417)
}
