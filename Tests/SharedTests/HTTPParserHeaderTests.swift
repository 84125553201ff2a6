import Testing
@testable import Shared

@Test("Field values are trimmed of OWS; duplicates are kept in order; tab and obs-text are allowed")
func parserFieldValues() throws {
    let bytes = raw("GET / HTTP/1.1\r\nHost: h\r\nX-A: \t one two \t\r\nx-a: second\r\nX-T: a\tb\r\nX-O: caf")
        + [0xE9] + raw("\r\n\r\n")
    let decoded = try #require(expectSingle(bytes))
    #expect(decoded.head.headers.values(for: "x-a") == ["one two", "second"])
    #expect(decoded.head.headers["X-T"] == "a\tb")
    #expect(decoded.head.headers.contains("X-O"))
}

@Test("Obsolete line folding is 400", arguments: [" folded", "\tfolded"])
func parserObsFold(continuation: String) {
    let bytes = message("GET / HTTP/1.1", "Host: h", "X-A: first", continuation)
    expectRejected(bytes, status: 400)
    #expect(decode(bytes).failure == .obsFold)
}

@Test("Whitespace between the field name and the colon is 400", arguments: ["Host : h", "Host\t: h"])
func parserSpaceBeforeColon(line: String) {
    expectRejected(message("GET / HTTP/1.1", line), status: 400)
}

@Test("Field names that are empty, contain non-token bytes or underscores are 400", arguments: [
    ": empty", "X(A): 1", "X A: 1", "X/A: 1", "X\"A: 1", "X@A: 1", "X_Forwarded_For: 1", "no-colon-here",
    "X\u{E9}: 1",
])
func parserBadFieldNames(line: String) {
    expectRejected(message("GET / HTTP/1.1", "Host: h", line), status: 400)
}

@Test("NUL, control bytes and DEL in a field value are 400", arguments: [0x00, 0x01, 0x08, 0x0B, 0x1B, 0x1F, 0x7F] as [UInt8])
func parserControlBytesInValue(byte: UInt8) {
    let bytes = raw("GET / HTTP/1.1\r\nHost: h\r\nX-A: a") + [byte] + raw("b\r\n\r\n")
    expectRejected(bytes, status: 400)
}

@Test("A bare LF or bare CR anywhere in the head is 400", arguments: [
    "GET / HTTP/1.1\nHost: h\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: h\n\r\n",
    "GET / HTTP/1.1\r\nHost: h\r\n\n",
    "GET / HTTP/1.1\r\nHost: h\n\n",
    "GET / HTTP/1.1\rHost: h\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: h\r\n\r\r\n",
    "GET /a\rb HTTP/1.1\r\nHost: h\r\n\r\n",
    "GET /a\nb HTTP/1.1\r\nHost: h\r\n\r\n",
])
func parserBareLineBreaks(text: String) {
    expectRejected(raw(text), status: 400)
}

@Test("A head whose final CRLF has not arrived yields no event yet")
func parserIncompleteHead() {
    #expect(decode(raw("GET / HTTP/1.1\r\nHost: h\r\n")).events.isEmpty)
    #expect(decode(raw("GET / HTTP/1.1\r\nHost: h\r\n\r")).events.isEmpty)
}
