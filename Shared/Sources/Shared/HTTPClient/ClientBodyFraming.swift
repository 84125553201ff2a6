/// How a response body is delimited (RFC 9112 §6.3, client side).
enum ClientBodyFraming: Equatable {
    /// No body: HEAD, 1xx, 204, 304.
    case none
    /// Exactly this many bytes.
    case length(Int)
    /// `Transfer-Encoding` ending in `chunked`.
    case chunked
    /// Everything until the peer closes; the connection cannot be reused.
    case untilClose

    /// The framing for `head` answering a request with `method`. Both `Transfer-Encoding`
    /// and `Content-Length`, or conflicting/invalid lengths, are malformed (smuggling risk).
    static func of(_ head: ClientResponseHead, method: HTTPMethod, limit: Int) throws(ClientIOFailure) -> ClientBodyFraming {
        let code = head.status.code
        if method == .head || code < 200 || code == 204 || code == 304 { return .none }
        let encodings = head.headers.values(for: "Transfer-Encoding")
        let lengths = head.headers.values(for: "Content-Length")
        if !encodings.isEmpty {
            guard lengths.isEmpty else { throw ClientIOFailure.malformed("both Transfer-Encoding and Content-Length") }
            let codings = encodings.joined(separator: ",").split(separator: ",")
            let last = codings.last.map { String($0.filter { $0 != " " && $0 != "\t" }) } ?? ""
            return last.equalsIgnoringASCIICase("chunked") ? .chunked : .untilClose
        }
        guard !lengths.isEmpty else { return .untilClose }
        var length: Int?
        for element in lengths.joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = parseDecimal(ClientResponseHead.trimmingOWS(Array(element.utf8)[...])), length == nil || length == value else {
                throw ClientIOFailure.malformed("invalid Content-Length")
            }
            length = value
        }
        guard let length else { throw ClientIOFailure.malformed("invalid Content-Length") }
        guard length <= limit else { throw ClientIOFailure.tooLarge }
        return .length(length)
    }

    private static func parseDecimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
