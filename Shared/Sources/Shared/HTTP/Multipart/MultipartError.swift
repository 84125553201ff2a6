/// Why a `multipart/form-data` body was rejected. Parts are numbered from 1 in body order.
/// No case carries submitted bytes: part contents and header values may be personal data.
public enum MultipartError: Error, Sendable, Equatable {
    /// The `Content-Type` is absent or not `multipart/form-data`.
    case notMultipart
    /// The `Content-Type` is `multipart/form-data` without a `boundary` parameter.
    case missingBoundary
    /// The `boundary` parameter is empty, longer than 70 characters, repeated, or uses
    /// characters outside RFC 2046 `bchars` (or ends with a space).
    case invalidBoundary
    /// The `Content-Type` parameters are not `; name=value` pairs.
    case malformedContentType
    /// The body never contains the first boundary delimiter line.
    case missingInitialBoundary
    /// A boundary delimiter line of `part` carries other text than optional spaces/tabs before
    /// its CRLF (or the bytes after the close delimiter's `--` are missing).
    case malformedDelimiter(part: Int)
    /// A delimiter or header line of `part` ends in a bare LF or holds a bare CR: CRLF is required.
    case bareLineEnding(part: Int)
    /// A header line of `part` is not `name: value` (bad name, no colon, control characters).
    case malformedHeader(part: Int)
    /// A header line of `part` starts with a space or tab (obsolete line folding, RFC 9112 §5.2).
    case foldedHeader(part: Int)
    /// The header section of `part` is longer than `limit` bytes.
    case headerTooLarge(part: Int, limit: Int)
    /// `part` has no `Content-Disposition` header.
    case missingContentDisposition(part: Int)
    /// The `Content-Disposition` of `part` is not `form-data` with one `name`, is repeated, or
    /// has malformed parameters (including an undecodable `filename*`).
    case invalidContentDisposition(part: Int)
    /// The body ends before the close delimiter (`--boundary--`).
    case unterminated
    /// The body has more than `limit` parts.
    case tooManyParts(limit: Int)
}
