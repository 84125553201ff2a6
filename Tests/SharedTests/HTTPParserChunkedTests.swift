import Testing
@testable import Shared

private func chunked(_ body: String) -> [UInt8] {
    message("POST /c HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", body: body)
}

@Test("A chunked body is reassembled; hex sizes in either case and with leading zeros")
func parserChunkedBody() throws {
    let decoded = try #require(expectSingle(chunked("5\r\nhello\r\n1\r\n \r\n000a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n")))
    #expect(decoded.head.chunked && decoded.head.contentLength == nil)
    #expect(decoded.body == raw("hello 0123456789abcdefghij"))
}

@Test("An empty chunked body (just the last chunk) is a request with no bytes")
func parserEmptyChunkedBody() throws {
    #expect(try #require(expectSingle(chunked("0\r\n\r\n"))).body.isEmpty)
}

@Test("Chunk extensions are allowed and ignored", arguments: ["5;name=value", "5;a", "5 ;x=\"q s\"", "5\t; ext"])
func parserChunkExtensions(sizeLine: String) throws {
    let decoded = try #require(expectSingle(chunked("\(sizeLine)\r\nhello\r\n0;last\r\n\r\n")))
    #expect(decoded.body == raw("hello"))
}

@Test("Trailer fields are discarded and the next request follows")
func parserChunkedTrailers() {
    let bytes = chunked("3\r\nabc\r\n0\r\nX-Trailer: 1\r\nContent-Length: 99\r\n\r\n") + message("GET /next HTTP/1.1", "Host: h")
    let decoded = decode(bytes)
    #expect(decoded.failure == nil)
    #expect(decoded.requests.map(\.head.target) == ["/c", "/next"])
    #expect(decoded.requests.first?.body == raw("abc"))
    #expect(decoded.requests.first?.head.headers.contains("X-Trailer") == false)
    #expect(decodeByteByByte(bytes) == decoded)
}

@Test("Chunk sizes with more than 16 hex digits or that overflow are 400", arguments: [
    "FFFFFFFFFFFFFFFF0", "FFFFFFFFFFFFFFFF", "8000000000000000", "00000000000000001",
])
func parserChunkSizeOverflow(size: String) {
    expectRejected(chunked("\(size)\r\nx\r\n0\r\n\r\n"), status: 400)
}

@Test("Malformed chunk-size lines are 400", arguments: ["-1", "0x5", "", " 5", "5 ", "g", "5;\u{01}", "+5", "5_0"])
func parserMalformedChunkSize(sizeLine: String) {
    expectRejected(chunked("\(sizeLine)\r\nhello\r\n0\r\n\r\n"), status: 400)
}

@Test("Bare CR or LF in chunk lines and missing CRLF after data are 400", arguments: [
    "5\nhello\r\n0\r\n\r\n", "5\rhello\r\n0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhelloX\r\n0\r\n\r\n",
    "5\r\nhello\r\n0\n\r\n", "5\r\nhello\r\n0\r\n\n", "5\r\nhello\r\n0\r\nX-T: 1\n\r\n", "5\r\nhello\r\n0\r\nX-T: a\rb\r\n\r\n",
    "5\r\nhello\r\n0\r\nX-T: a\u{0}\r\n\r\n", "5;a\rb\r\nhello\r\n0\r\n\r\n",
])
func parserBadChunkLines(body: String) {
    expectRejected(chunked(body), status: 400)
}

@Test("A 64 KiB chunk extension or trailer line is 400, fed whole or byte by byte")
func parserLongChunkLines() {
    let long = String(repeating: "e", count: 64 * 1024)
    expectRejected(chunked("5;\(long)\r\nhello\r\n0\r\n\r\n"), status: 400)
    for trailer in [long, String(long.prefix(5000))] {
        let bytes = chunked("5\r\nhello\r\n0\r\nX-T: \(trailer)\r\n\r\n")
        let whole = decode(bytes)
        #expect(whole.events == [.failure(.invalidChunk)])
        #expect(decode(bytes, cuts: Array(stride(from: 7, to: bytes.count, by: 97))) == whole)
    }
}

@Test("A chunk line of up to 4096 bytes is accepted")
func parserChunkLineAtLimit() throws {
    let sizeLine = "5;" + String(repeating: "e", count: 4094)
    #expect(try #require(expectSingle(chunked("\(sizeLine)\r\nhello\r\n0\r\n\r\n"))).body == raw("hello"))
}

@Test("A chunked body whose final CRLF is missing is not complete yet")
func parserChunkedIncomplete() {
    #expect(decode(chunked("5\r\nhello\r\n0\r\n")).events.isEmpty)
    #expect(decode(chunked("5\r\nhello\r\n0\r\nX-T: 1\r\n")).events.isEmpty)
    #expect(decode(chunked("5\r\nhel")).events.isEmpty)
}
