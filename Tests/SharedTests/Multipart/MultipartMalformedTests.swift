import Testing
@testable import Shared

/// Bodies the parser rejects, each with the error that says why.
@Suite("Multipart malformed bodies")
struct MultipartMalformedTests {
    typealias S = MultipartSample
    private let b = S.boundary
    private let disposition = "Content-Disposition: form-data; name=\"a\""

    @Test("the boundary never occurs, or only without CRLF before it")
    func missingInitialBoundary() {
        #expect(S.error("") == .missingInitialBoundary)
        #expect(S.error("no boundary at all") == .missingInitialBoundary)
        #expect(S.error("x--\(b)\r\n\(disposition)\r\n\r\nx--\(b)--") == .missingInitialBoundary)
        // A dash-boundary not at the start and not after CRLF is preamble: only the close delimiter counts.
        #expect((try? S.parse("x--\(b)\r\n\r\n\r\n--\(b)--"))?.parts.count == 0)
        #expect(S.error("--other\r\n\r\n\r\n--other--") == .missingInitialBoundary)
    }

    @Test("a missing close delimiter is unterminated, wherever the body stops")
    func unterminated() {
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\ncontent") == .unterminated)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\ncontent\r\n--\(b)") == .unterminated)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\ncontent\r\n--\(b)-") == .unterminated)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\ncontent\r\n--\(b)\r\n") == .unterminated)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n") == .unterminated)
        #expect(S.error("--\(b)\r\n\(disposition)") == .unterminated)
        #expect(S.error("--\(b)") == .unterminated)
        #expect(S.error("--\(b)  ") == .unterminated)
    }

    @Test("bare LF line endings are rejected, not guessed")
    func bareLineFeeds() {
        #expect(S.error("--\(b)\n\(disposition)\n\nx\n--\(b)--") == .bareLineEnding(part: 1))
        #expect(S.error("--\(b)\r\n\(disposition)\n\r\nx\r\n--\(b)--") == .bareLineEnding(part: 1))
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\nx\r\n--\(b)\n\(disposition)\r\n\r\n\r\n--\(b)--")
                == .bareLineEnding(part: 2))
        #expect(S.error("--\(b)\r\n\(disposition)\r\nX-A: 1\r2\r\n\r\nx\r\n--\(b)--") == .bareLineEnding(part: 1))
        #expect(S.error("--\(b)\r\r\n\(disposition)\r\n\r\nx\r\n--\(b)--") == .bareLineEnding(part: 1))
    }

    @Test("text after the boundary on a delimiter line is malformed")
    func garbageAfterBoundary() {
        #expect(S.error("--\(b) x\r\n\(disposition)\r\n\r\nx\r\n--\(b)--") == .malformedDelimiter(part: 1))
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\r\nx\r\n--\(b)\t!\r\n") == .malformedDelimiter(part: 2))
    }

    @Test("folded, nameless, spaced and control-character header lines")
    func badHeaders() {
        func headers(_ lines: String) -> MultipartError? { S.error("--\(b)\r\n\(lines)\r\n\r\nx\r\n--\(b)--") }
        #expect(headers("\(disposition)\r\n continued") == .foldedHeader(part: 1))
        #expect(headers("\(disposition)\r\n\tcontinued") == .foldedHeader(part: 1))
        #expect(headers("\(disposition)\r\ngarbage without colon") == .malformedHeader(part: 1))
        #expect(headers("\(disposition)\r\n: empty name") == .malformedHeader(part: 1))
        #expect(headers("\(disposition)\r\nX-A : spaced") == .malformedHeader(part: 1))
        #expect(headers("\(disposition)\r\nX-A: nul\u{0}byte") == .malformedHeader(part: 1))
        #expect(headers("\(disposition)\r\nX-A: del\u{7F}") == .malformedHeader(part: 1))
        #expect(headers("\(disposition)\r\nX-Ä: x") == .malformedHeader(part: 1))
    }

    @Test("missing, repeated or wrong Content-Disposition")
    func dispositions() {
        func headers(_ lines: String) -> MultipartError? { S.error("--\(b)\r\n\(lines)\r\n\r\nx\r\n--\(b)--") }
        #expect(headers("Content-Type: text/plain") == .missingContentDisposition(part: 1))
        #expect(S.error("--\(b)\r\n\r\nx\r\n--\(b)--") == .missingContentDisposition(part: 1))
        #expect(headers("Content-Disposition: attachment; name=a") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; name=b") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; filename=x; filename=y") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=\"a") == .invalidContentDisposition(part: 1))
        #expect(headers("\(disposition)\r\n\(disposition)") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; filename*=UTF-8''%C3") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; filename*=UTF-8''%zz") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; filename*=koi8-r''x") == .invalidContentDisposition(part: 1))
        #expect(headers("Content-Disposition: form-data; name=a; filename*=x.pdf") == .invalidContentDisposition(part: 1))
    }

    @Test("a huge header section is rejected at the limit, without reading on")
    func hugeHeader() {
        var limits = MultipartFormData.Limits()
        limits.maxHeaderBytes = 64
        let long = "X-Long: " + String(repeating: "a", count: 100)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\(long)\r\n\r\nx\r\n--\(b)--", limits: limits)
                == .headerTooLarge(part: 1, limit: 64))
        let huge = "X-Long: " + String(repeating: "a", count: 9000)
        #expect(S.error("--\(b)\r\n\(disposition)\r\n\(huge)\r\n\r\nx\r\n--\(b)--") == .headerTooLarge(part: 1, limit: 8192))
        // Exactly at the limit still parses: the section is the lines plus the empty line.
        let section = "\(disposition)\r\n\r\n"
        limits.maxHeaderBytes = section.utf8.count
        #expect(S.error("--\(b)\r\n\(section)x\r\n--\(b)--", limits: limits) == nil)
        limits.maxHeaderBytes -= 1
        #expect(S.error("--\(b)\r\n\(section)x\r\n--\(b)--", limits: limits) == .headerTooLarge(part: 1, limit: limits.maxHeaderBytes))
    }

    @Test("more parts than the limit")
    func tooManyParts() {
        var limits = MultipartFormData.Limits()
        limits.maxParts = 2
        let three = String(decoding: S.body([S.field("a", "1"), S.field("b", "2"), S.field("c", "3")]), as: UTF8.self)
        #expect(S.error(three, limits: limits) == .tooManyParts(limit: 2))
        limits.maxParts = 3
        #expect(S.error(three, limits: limits) == nil)
    }
}
