/// Reads one complete response: skips interim 1xx heads, picks the body framing, reads the
/// body and decides whether the connection may be reused.
enum ClientResponseReader {
    /// More interim (1xx) responses than this before the final one is malformed.
    static let maxInterimResponses = 16

    /// The response and whether its connection can go back to the pool.
    static func read(
        from buffer: inout ClientReadBuffer, method: HTTPMethod, limit: Int
    ) throws(ClientIOFailure) -> (HTTPClientResponse, reusable: Bool) {
        var head = try ClientResponseHead.read(from: &buffer)
        var interim = 0
        while head.status.code < 200 {
            guard head.status.code != 101 else {
                throw ClientIOFailure(kind: .malformed, detail: "unexpected 101 Switching Protocols")
            }
            interim += 1
            guard interim <= maxInterimResponses else {
                throw ClientIOFailure(kind: .malformed, detail: "too many interim responses")
            }
            head = try ClientResponseHead.read(from: &buffer)
        }
        let framing = try ClientBodyFraming.of(head, method: method, limit: limit)
        let body = try ClientBodyReader.read(framing, from: &buffer, limit: limit)
        let response = HTTPClientResponse(status: head.status, headers: head.headers, body: body)
        return (response, framing != .untilClose && keepsAlive(head))
    }

    /// HTTP/1.1 persists unless `Connection: close`; HTTP/1.0 only with `keep-alive`.
    private static func keepsAlive(_ head: ClientResponseHead) -> Bool {
        let options = head.headers.values(for: "Connection")
        if options.contains(where: { ClientRequestEncoder.hasToken("close", in: $0) }) { return false }
        return head.minorVersion >= 1 || options.contains { ClientRequestEncoder.hasToken("keep-alive", in: $0) }
    }
}
