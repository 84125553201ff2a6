import Testing
@testable import Shared

/// The boundary parameter of `Content-Type` (RFC 2046 §5.1.1).
@Suite("Multipart boundary")
struct MultipartBoundaryTests {
    private func boundary(_ contentType: String?) -> Result<String, MultipartError> {
        do { return .success(try MultipartBoundary(contentType: contentType).value) } catch { return .failure(error) }
    }

    @Test("plain, quoted and oddly cased Content-Types give the boundary")
    func accepted() {
        #expect(boundary("multipart/form-data; boundary=abc") == .success("abc"))
        #expect(boundary("multipart/form-data; boundary=\"a b:c/d=e?\"") == .success("a b:c/d=e?"))
        #expect(boundary("Multipart/Form-Data;BOUNDARY=----WebKitFormBoundary7MA4YWxk") == .success("----WebKitFormBoundary7MA4YWxk"))
        #expect(boundary("multipart/form-data; charset=utf-8; boundary=x; other=\"y\";") == .success("x"))
        #expect(boundary("multipart/form-data ; boundary = x") == .success("x"))
    }

    @Test("absent or non-multipart Content-Type is notMultipart")
    func notMultipart() {
        #expect(boundary(nil) == .failure(.notMultipart))
        #expect(boundary("application/json") == .failure(.notMultipart))
        #expect(boundary("multipart/mixed; boundary=x") == .failure(.notMultipart))
        #expect(boundary("") == .failure(.notMultipart))
        #expect(boundary("text/plain; boundary=\"unterminated") == .failure(.notMultipart))
    }

    @Test("multipart/form-data without boundary or with broken parameters")
    func missingOrMalformed() {
        #expect(boundary("multipart/form-data") == .failure(.missingBoundary))
        #expect(boundary("multipart/form-data; charset=utf-8") == .failure(.missingBoundary))
        #expect(boundary("multipart/form-data; boundary") == .failure(.malformedContentType))
        #expect(boundary("multipart/form-data; boundary=\"abc") == .failure(.malformedContentType))
        #expect(boundary("multipart/form-data; boundary=a b") == .failure(.malformedContentType))
    }

    @Test("boundaries outside 1–70 bchars, ending in space or given twice are invalid")
    func invalid() {
        #expect(boundary("multipart/form-data; boundary=\"\"") == .failure(.invalidBoundary))
        #expect(boundary("multipart/form-data; boundary=" + String(repeating: "a", count: 71)) == .failure(.invalidBoundary))
        #expect(boundary("multipart/form-data; boundary=" + String(repeating: "a", count: 70)) == .success(String(repeating: "a", count: 70)))
        #expect(boundary("multipart/form-data; boundary=\"abc \"") == .failure(.invalidBoundary))
        #expect(boundary("multipart/form-data; boundary=a*b") == .failure(.invalidBoundary))
        #expect(boundary("multipart/form-data; boundary=\"ä\"") == .failure(.invalidBoundary))
        #expect(boundary("multipart/form-data; boundary=a; boundary=b") == .failure(.invalidBoundary))
    }

    @Test("every error maps to a 400 problem with a multipart code")
    func problems() {
        let errors: [MultipartError] = [.notMultipart, .missingBoundary, .invalidBoundary, .malformedContentType,
                                        .missingInitialBoundary, .malformedDelimiter(part: 1), .bareLineEnding(part: 1),
                                        .malformedHeader(part: 2), .foldedHeader(part: 1), .headerTooLarge(part: 1, limit: 10),
                                        .missingContentDisposition(part: 1), .invalidContentDisposition(part: 3),
                                        .unterminated, .tooManyParts(limit: 4)]
        for error in errors {
            #expect(error.problem.status == .badRequest)
            #expect(error.problem.code?.hasPrefix("multipart.") == true)
        }
        #expect(MultipartError.missingBoundary.problem.message == "Content-Type multipart/form-data requires a boundary parameter")
        #expect(MultipartError.malformedHeader(part: 2).problem.message == "Malformed multipart body: invalid header line in part 2")
        #expect(Set(errors.map { $0.problem.code ?? "" }).count == errors.count)
    }
}
