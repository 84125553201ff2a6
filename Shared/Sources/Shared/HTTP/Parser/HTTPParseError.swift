/// Why a request could not be parsed: the status to answer with and a message safe to send.
/// Every parse error closes the connection, because the framing can no longer be trusted.
struct HTTPParseError: Error, Equatable, Sendable {
    let status: HTTPStatus
    let message: String

    static func bad(_ message: String) -> HTTPParseError { HTTPParseError(status: .badRequest, message: message) }

    static let requestLineTooLong = HTTPParseError(status: .uriTooLong, message: "Request line too long")
    static let headersTooLarge = HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Request header fields too large")
    static let tooManyHeaders = HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Too many header fields")
    static let bodyTooLarge = HTTPParseError(status: .contentTooLarge, message: "Request body too large")
    static let versionNotSupported = HTTPParseError(status: .httpVersionNotSupported, message: "HTTP version not supported")
    static let unsupportedTransferEncoding = HTTPParseError(status: .notImplemented, message: "Transfer-Encoding not supported")
    static let bareLineBreak = bad("Bare CR or LF in request")
    static let obsFold = bad("Obsolete line folding is not allowed")
    static let invalidHeaderName = bad("Invalid header field name")
    static let invalidHeaderValue = bad("Invalid header field value")
    static let invalidRequestLine = bad("Invalid request line")
    static let invalidTarget = bad("Invalid request target")
    static let invalidContentLength = bad("Invalid Content-Length")
    static let contentLengthWithTransferEncoding = bad("Content-Length and Transfer-Encoding together")
    static let missingHost = bad("Missing or duplicate Host header")
    static let invalidChunk = bad("Invalid chunked encoding")
    static let expectationFailed = HTTPParseError(status: HTTPStatus(code: 417), message: "Unsupported Expect header")
}
