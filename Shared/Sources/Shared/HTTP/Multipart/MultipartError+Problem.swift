extension MultipartError: ProblemConvertible {
    /// A 400 problem with a message that says what is wrong and where, never what was sent.
    public var problem: Problem {
        switch self {
        case .notMultipart:
            Problem(.badRequest, "Content-Type must be multipart/form-data", code: "multipart.not_multipart")
        case .missingBoundary:
            Problem(.badRequest, "Content-Type multipart/form-data requires a boundary parameter",
                    code: "multipart.missing_boundary")
        case .invalidBoundary:
            Problem(.badRequest, "Invalid multipart boundary: 1 to 70 characters allowed by RFC 2046, given once",
                    code: "multipart.invalid_boundary")
        case .malformedContentType:
            Problem(.badRequest, "Malformed Content-Type parameters", code: "multipart.malformed_content_type")
        case .missingInitialBoundary:
            Self.malformed("the boundary does not occur in the body", "missing_initial_boundary")
        case .malformedDelimiter(let part):
            Self.malformed("unexpected text after the boundary of part \(part)", "malformed_delimiter")
        case .bareLineEnding(let part):
            Self.malformed("lines must end with CRLF (part \(part))", "bare_line_ending")
        case .malformedHeader(let part):
            Self.malformed("invalid header line in part \(part)", "malformed_header")
        case .foldedHeader(let part):
            Self.malformed("folded header line in part \(part)", "folded_header")
        case .headerTooLarge(let part, let limit):
            Self.malformed("the headers of part \(part) exceed \(limit) bytes", "header_too_large")
        case .missingContentDisposition(let part):
            Self.malformed("part \(part) has no Content-Disposition header", "missing_content_disposition")
        case .invalidContentDisposition(let part):
            Self.malformed("part \(part) needs one Content-Disposition: form-data with a name",
                           "invalid_content_disposition")
        case .unterminated:
            Self.malformed("the closing boundary is missing", "unterminated")
        case .tooManyParts(let limit):
            Problem(.badRequest, "Too many multipart parts (at most \(limit))", code: "multipart.too_many_parts")
        }
    }

    private static func malformed(_ text: String, _ code: String) -> Problem {
        Problem(.badRequest, "Malformed multipart body: " + text, code: "multipart." + code)
    }
}
