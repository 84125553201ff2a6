import Testing
@testable import Shared

@Test("A plain GET decodes method, target, version, headers and an empty body")
func parserPlainGet() throws {
    let decoded = try #require(expectSingle(message("GET /patients?page=2 HTTP/1.1", "Host: api", "Accept: */*")))
    #expect(decoded.head.method == .get)
    #expect(decoded.head.target == "/patients?page=2")
    #expect(decoded.head.minorVersion == 1)
    #expect(decoded.head.headers == ["Host": "api", "Accept": "*/*"])
    #expect(decoded.head.contentLength == nil && !decoded.head.chunked)
    #expect(decoded.body.isEmpty)
}

@Test("POST and PUT deliver their Content-Length bodies")
func parserPostAndPutBodies() throws {
    let post = try #require(expectSingle(message("POST /a HTTP/1.1", "Host: h", "Content-Length: 7", body: "{\"a\":1}")))
    #expect(post.head.method == .post && post.body == raw("{\"a\":1}") && post.head.contentLength == 7)
    let put = try #require(expectSingle(message("PUT /b HTTP/1.1", "Host: h", "Content-Length: 3", body: "xyz")))
    #expect(put.head.method == .put && put.body == raw("xyz"))
}

@Test("Unknown but valid method tokens are kept verbatim")
func parserCustomMethod() throws {
    let decoded = try #require(expectSingle(message("PURGE /cache HTTP/1.1", "Host: h")))
    #expect(decoded.head.method.rawValue == "PURGE")
}

@Test("Absolute-form targets are reduced to origin form", arguments: [
    ("http://example.com/a/b?x=1", "/a/b?x=1"),
    ("HTTPS://Example.com:8443/p", "/p"),
    ("http://example.com", "/"),
    ("http://example.com?q=1", "/?q=1"),
])
func parserAbsoluteForm(target: String, expected: String) throws {
    let decoded = try #require(expectSingle(message("GET \(target) HTTP/1.1", "Host: example.com")))
    #expect(decoded.head.target == expected)
}

@Test("OPTIONS * is accepted; asterisk-form with any other method is 400")
func parserAsteriskForm() throws {
    let decoded = try #require(expectSingle(message("OPTIONS * HTTP/1.1", "Host: h")))
    #expect(decoded.head.method == .options && decoded.head.target == "*")
    expectRejected(message("GET * HTTP/1.1", "Host: h"), status: 400)
}

@Test("Targets with non-ASCII, control bytes, spaces or no leading slash are 400", arguments: [
    "/caf\u{E9}", "/a\u{01}b", "/a\u{7F}", "/a\tb", "/a b", "relative", "example.com:443", "ftp://x/y",
])
func parserBadTargets(target: String) {
    expectRejected(message("GET \(target) HTTP/1.1", "Host: h"), status: 400)
}

@Test("A raw 0xFF byte in the target is 400")
func parserRawHighByteTarget() {
    expectRejected(raw("GET /") + [0xFF] + raw(" HTTP/1.1\r\nHost: h\r\n\r\n"), status: 400)
}

@Test("HTTP/2.0 and other major versions are 505", arguments: ["HTTP/2.0", "HTTP/3.0", "HTTP/0.9"])
func parserUnsupportedVersion(version: String) {
    expectRejected(message("GET / \(version)", "Host: h"), status: 505)
}

@Test("Garbage versions and malformed request lines are 400", arguments: [
    "GET / HTTP/1.1x", "GET / HTTP/11", "GET / HTTX/1.1", "GET / http/1.1", "GET / HTTP/1.a", "GET / HTTP/1.1 ",
    "GET /", "GET  / HTTP/1.1", " GET / HTTP/1.1", "G(T / HTTP/1.1", "GET\t/ HTTP/1.1", "GET / HTTP/1.1/x",
])
func parserMalformedRequestLine(line: String) {
    expectRejected(message(line, "Host: h"), status: 400)
}

@Test("Empty lines before the request line are ignored")
func parserLeadingEmptyLines() throws {
    let decoded = try #require(expectSingle(raw("\r\n\r\n\r\n") + message("GET /x HTTP/1.1", "Host: h")))
    #expect(decoded.head.target == "/x")
}

@Test("A bare LF before the request line is not an empty line: 400")
func parserLeadingBareLF() {
    expectRejected(raw("\n") + message("GET / HTTP/1.1", "Host: h"), status: 400)
}
