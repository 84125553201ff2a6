/// A parsed response status line and header block.
struct ClientResponseHead {
    /// At most this many header fields per head (and per trailer block).
    static let maxFields = 100
    /// At most this many bytes for the status line plus fields (and for a trailer block).
    static let maxBytes = 64 * 1024

    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    let minorVersion: Int
    /// The status with the peer's reason phrase (or the standard one when absent).
    let status: HTTPStatus
    /// The header fields in order.
    let headers: HTTPHeaders

    /// Reads one head (which may be an interim 1xx response).
    static func read(from buffer: inout ClientReadBuffer) throws(ClientIOFailure) -> ClientResponseHead {
        let startConsumed = buffer.totalConsumed
        let statusLine = try buffer.readLine(limit: maxBytes)
        let (minor, status) = try parseStatusLine(statusLine)
        let budget = maxBytes - (buffer.totalConsumed - startConsumed)
        let headers = try readFields(from: &buffer, budget: budget)
        return ClientResponseHead(minorVersion: minor, status: status, headers: headers)
    }

    /// Reads field lines up to the empty line, enforcing `maxFields` and `budget` bytes.
    /// Also used to skip chunked trailers.
    static func readFields(from buffer: inout ClientReadBuffer, budget: Int) throws(ClientIOFailure) -> HTTPHeaders {
        let startConsumed = buffer.totalConsumed
        var headers = HTTPHeaders()
        while true {
            let used = buffer.totalConsumed - startConsumed
            guard used < budget else { throw ClientIOFailure.malformed("response head too long") }
            let line = try buffer.readLine(limit: budget - used)
            if line.isEmpty { return headers }
            guard headers.count < maxFields else { throw ClientIOFailure.malformed("too many header fields") }
            let (name, value) = try parseField(line)
            headers.add(name, value)
        }
    }

    /// `HTTP/1.x SP 3DIGIT [SP reason]`.
    private static func parseStatusLine(_ line: [UInt8]) throws(ClientIOFailure) -> (Int, HTTPStatus) {
        let prefix = Array("HTTP/1.".utf8)
        guard line.count >= 12, Array(line[0..<7]) == prefix, line[7] == 0x30 || line[7] == 0x31,
              line[8] == 0x20 else { throw ClientIOFailure.malformed("invalid status line") }
        var code = 0
        for byte in line[9..<12] {
            guard byte >= 0x30, byte <= 0x39 else { throw ClientIOFailure.malformed("invalid status code") }
            code = code * 10 + Int(byte - 0x30)
        }
        guard (100...599).contains(code) else { throw ClientIOFailure.malformed("invalid status code") }
        guard line.count == 12 || line[12] == 0x20 else { throw ClientIOFailure.malformed("invalid status line") }
        let reason = line.count > 13 ? String(decoding: line[13...], as: UTF8.self) : ""
        guard reason.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else {
            throw ClientIOFailure.malformed("invalid reason phrase")
        }
        return (Int(line[7] - 0x30), HTTPStatus(code: code, reasonPhrase: reason.isEmpty ? nil : reason))
    }

    /// `token ":" OWS value OWS`; obs-fold, whitespace before the colon and control bytes
    /// are rejected.
    private static func parseField(_ line: [UInt8]) throws(ClientIOFailure) -> (String, String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              line[..<colon].allSatisfy(ClientRequestEncoder.isTokenByte) else {
            throw ClientIOFailure.malformed("invalid header field")
        }
        let value = trimmingOWS(line[(colon + 1)...])
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else {
            throw ClientIOFailure.malformed("control byte in header value")
        }
        return (String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmingOWS(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var trimmed = bytes
        while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
