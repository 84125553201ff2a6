import Testing
@testable import Shared

/// GET, POST with Content-Length, chunked PUT with trailer, then GET with `Connection: close`.
private let pipelined: [UInt8] =
    message("GET /one HTTP/1.1", "Host: h")
    + message("POST /two HTTP/1.1", "Host: h", "Content-Length: 5", body: "hello")
    + message("PUT /three HTTP/1.1", "Host: h", "Transfer-Encoding: chunked", body: "3\r\nabc\r\n0\r\nT: 1\r\n\r\n")
    + raw("\r\n") // a stray CRLF between requests is ignored
    + message("GET /four HTTP/1.0")

@Test("Pipelined requests in one buffer are decoded in order, each body exactly once")
func parserPipelinedInOrder() {
    let decoded = decode(pipelined)
    #expect(decoded.failure == nil)
    #expect(decoded.requests.map(\.head.target) == ["/one", "/two", "/three", "/four"])
    #expect(decoded.requests.map(\.body) == [[], raw("hello"), raw("abc"), []])
    #expect(decoded.requests.map(\.head.keepAlive) == [true, true, true, false])
}

@Test("Splitting the pipelined stream at any single position gives the same events")
func parserEverySplitPosition() {
    let whole = decode(pipelined)
    for cut in 1..<pipelined.count {
        #expect(decode(pipelined, cuts: [cut]) == whole, "split at \(cut)")
    }
}

@Test("Byte-at-a-time feeding gives the same events as one append")
func parserByteAtATime() {
    #expect(decodeByteByByte(pipelined) == decode(pipelined))
}

@Test("100 GETs with a POST in the middle, sent at once, come out in order")
func parserHundredPipelined() {
    var bytes: [UInt8] = []
    for index in 0..<100 {
        bytes += message("GET /r/\(index) HTTP/1.1", "Host: h")
        if index == 49 { bytes += message("POST /mid HTTP/1.1", "Host: h", "Content-Length: 3", body: "abc") }
    }
    let decoded = decode(bytes)
    let expected = (0..<50).map { "/r/\($0)" } + ["/mid"] + (50..<100).map { "/r/\($0)" }
    #expect(decoded.requests.map(\.head.target) == expected)
    #expect(decoded.requests.filter { !$0.body.isEmpty }.map(\.body) == [raw("abc")])
}

@Test("A partial second request waits for more bytes, then completes")
func parserPartialSecondRequest() {
    var decoder = RequestDecoder()
    let limit: (RequestHead) -> Int = { _ in 1024 }
    (message("GET /a HTTP/1.1", "Host: h") + raw("GET /b HT")).withUnsafeBytes { decoder.append($0) }
    guard case .request(let first, _) = decoder.next(bodyLimit: limit) else {
        Issue.record("expected the first request")
        return
    }
    #expect(first.target == "/a")
    #expect(decoder.next(bodyLimit: limit) == .needMore)
    #expect(decoder.isMidRequest)
    raw("TP/1.1\r\nHost: h\r\n\r\n").withUnsafeBytes { decoder.append($0) }
    guard case .request(let second, _) = decoder.next(bodyLimit: limit) else {
        Issue.record("expected the second request")
        return
    }
    #expect(second.target == "/b")
    #expect(!decoder.isMidRequest)
}

@Test("A valid request followed by a malformed one yields the first, then the failure")
func parserValidThenMalformed() {
    let bytes = message("GET /ok HTTP/1.1", "Host: h") + message("GET /bad HTTP/1.1", "Host: h", "X_Y: 1")
    let decoded = decode(bytes)
    #expect(decoded.requests.map(\.head.target) == ["/ok"])
    #expect(decoded.failure == .invalidHeaderName)
    #expect(decodeByteByByte(bytes) == decoded)
}
