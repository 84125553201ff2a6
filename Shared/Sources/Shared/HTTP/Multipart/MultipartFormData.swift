/// A parsed `multipart/form-data` body (RFC 7578 over RFC 2046 §5.1): the parts in order,
/// whose bodies are slices of the request body.
///
/// The parser is strict: delimiter and header lines must end in CRLF. A bare LF is rejected
/// (`.bareLineEnding`), not guessed: RFC 2046 requires CRLF, browsers and curl send it, and
/// accepting `\n--boundary` would split binary content that merely contains that text.
/// Delimiters are only recognised as `CRLF--boundary` followed by `--` or by optional spaces
/// and CRLF, so content may contain the boundary text anywhere else. The preamble (before the
/// first delimiter) and epilogue (after the close delimiter) are ignored. Obsolete header
/// folding is rejected. Parts with the same name are all kept.
public struct MultipartFormData: Sendable {
    /// Bounds on what one body may contain.
    public struct Limits: Sendable {
        /// Most parts in one body.
        public var maxParts = 100
        /// Longest header section of one part, CRLFs included.
        public var maxHeaderBytes = 8 * 1024
        /// The defaults above.
        public init() {}
    }

    /// The parts, in body order.
    public let parts: [MultipartPart]

    /// Parses `body` split by `boundary`.
    public init(body: [UInt8], boundary: MultipartBoundary, limits: Limits = Limits()) throws(MultipartError) {
        parts = try MultipartScanner(body: body, delimiter: boundary.delimiter, limits: limits).parts()
    }

    /// Parses `body` with the boundary of the `Content-Type` header value `contentType`.
    public init(body: [UInt8], contentType: String?, limits: Limits = Limits()) throws(MultipartError) {
        try self.init(body: body, boundary: MultipartBoundary(contentType: contentType), limits: limits)
    }

    /// The first part named `name`.
    public func first(named name: String) -> MultipartPart? { parts.first { $0.name == name } }

    /// Every part named `name`, in order.
    public func parts(named name: String) -> [MultipartPart] { parts.filter { $0.name == name } }
}
