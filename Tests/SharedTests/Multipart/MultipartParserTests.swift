import Testing
@testable import Shared

/// Well-formed bodies: parts, names, file names, slices, preamble and epilogue.
@Suite("Multipart parser")
struct MultipartParserTests {
    typealias S = MultipartSample

    @Test("fields and a file come back in order with headers and exact content")
    func wellFormed() throws {
        let body = S.body([S.field("title", "Hallo"), S.file("a.pdf", Array("%PDF-1.7 x".utf8))])
        let form = try MultipartFormData(body: body, contentType: S.contentType)
        #expect(form.parts.map(\.name) == ["title", "file"])
        #expect(form.parts[0].filename == nil)
        #expect(Array(form.parts[0].body) == Array("Hallo".utf8))
        let file = try #require(form.first(named: "file"))
        #expect(file.filename == "a.pdf")
        #expect(file.contentType == "application/pdf")
        #expect(Array(file.body) == Array("%PDF-1.7 x".utf8))
        #expect(file.headers.count == 2)
    }

    @Test("binary content with CR, LF, NUL, dashes and the boundary text survives byte for byte")
    func binaryContent() throws {
        let tricky: [UInt8] = [0x00, 0x0D, 0x0A, 0x0D, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF, 0x0A, 0x0A, 0x00]
            + Array("--\(S.boundary)\r\n".utf8)                 // not preceded by CRLF: content
            + Array("\r\n--\(S.boundary)X\r\n".utf8)            // followed by X: content
            + Array("\r\n--\(S.boundary)-x".utf8)               // single dash: content
            + Array("\r\n--XyZ-bound\r\n".utf8) + [0x0D]        // a prefix of the boundary
        let form = try MultipartFormData(body: S.body([S.file("b.pdf", tricky)]), contentType: S.contentType)
        #expect(Array(form.parts[0].body) == tricky)
    }

    @Test("empty parts, a part without headers except the disposition, and duplicate names")
    func emptyAndDuplicate() throws {
        let body = S.body([S.file("", []), S.field("x", ""), S.field("x", "2"), S.file("second.pdf", [1])])
        let form = try MultipartFormData(body: body, contentType: S.contentType)
        #expect(form.parts.count == 4)
        #expect(form.parts[0].filename == "")
        #expect(form.parts[0].body.isEmpty && form.parts[1].body.isEmpty)
        #expect(form.parts(named: "x").map { Array($0.body) } == [[], [UInt8(ascii: "2")]])
        #expect(form.parts(named: "file").map(\.filename) == ["", "second.pdf"])
        #expect(form.first(named: "file")?.filename == "")
    }

    @Test("preamble, transport padding and epilogue are tolerated")
    func preambleAndEpilogue() throws {
        let text = "This is the preamble.\r\n--\(S.boundary) \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
            + "--\(S.boundary)--\r\nepilogue with --\(S.boundary)\r\n garbage"
        let form = try S.parse(text)
        #expect(form.parts.count == 1)
        #expect(Array(form.parts[0].body) == [UInt8(ascii: "1")])
    }

    @Test("a body with only the close delimiter has no parts")
    func noParts() throws {
        #expect(try S.parse("--\(S.boundary)--").parts.isEmpty)
        #expect(try S.parse("\r\n--\(S.boundary)--\r\n").parts.isEmpty)
    }

    @Test("quoted-string escapes, Windows paths, filename* and header case")
    func fileNames() throws {
        func filename(_ disposition: String) throws -> String? {
            try S.parse("--\(S.boundary)\r\ncontent-disposition: \(disposition)\r\n\r\n\r\n--\(S.boundary)--").parts[0].filename
        }
        #expect(try filename(#"form-data; name="f"; filename="a \"b\" \\c.pdf""#) == #"a "b" \c.pdf"#)
        #expect(try filename(#"form-data; name="f"; filename="C:\Users\x\a.pdf""#) == #"C:\Users\x\a.pdf"#)
        #expect(try filename(#"form-data; name="f"; filename="../../etc/passwd.pdf""#) == "../../etc/passwd.pdf")
        #expect(try filename("form-data; name=f; filename=plain.pdf") == "plain.pdf")
        #expect(try filename("FORM-DATA; NAME=\"f\"; FileName=\"x.pdf\"") == "x.pdf")
        #expect(try filename("form-data; name=f; filename=\"fallback.pdf\"; filename*=UTF-8''M%C3%BCller%20%E2%82%AC.pdf")
                == "Müller €.pdf")
        #expect(try filename("form-data; name=f; filename*=iso-8859-1'de'M%FCller.pdf") == "Müller.pdf")
        #expect(try filename("form-data; name=f; filename=\"Müller.pdf\"") == "Müller.pdf")
        #expect(try filename("form-data; name=f") == nil)
    }

    @Test("header values that are not UTF-8 are read as ISO-8859-1")
    func latin1Header() throws {
        var body = Array("--\(S.boundary)\r\nContent-Disposition: form-data; name=f; filename=\"M".utf8)
        body += [0xFC] + Array("ller.pdf\"\r\n\r\nx\r\n--\(S.boundary)--".utf8)
        let form = try MultipartFormData(body: body, contentType: S.contentType)
        #expect(form.parts[0].filename == "Müller.pdf")
    }

    @Test("Request.multipartFormData reads the Content-Type header")
    func fromRequest() throws {
        let request = try Request(method: .post, target: "/x", headers: ["Content-Type": S.contentType],
                                  body: S.body([S.field("a", "b")]))
        #expect(try request.multipartFormData().parts.map(\.name) == ["a"])
        let plain = try Request(method: .post, target: "/x", headers: ["Content-Type": "text/plain"], body: [])
        #expect(throws: MultipartError.notMultipart) { try plain.multipartFormData() }
    }
}
