/// Reads a response body with a given framing, enforcing the size limit.
enum ClientBodyReader {
    /// The longest accepted chunk-size line (size plus extensions).
    static let maxChunkLine = 4096

    /// The decoded body.
    static func read(_ framing: ClientBodyFraming, from buffer: inout ClientReadBuffer, limit: Int) throws(ClientIOFailure) -> [UInt8] {
        var body: [UInt8] = []
        switch framing {
        case .none: break
        case .length(let count): try buffer.read(exactly: count, into: &body)
        case .untilClose: try buffer.readToEnd(into: &body, limit: limit)
        case .chunked: try readChunked(from: &buffer, into: &body, limit: limit)
        }
        return body
    }

    private static func readChunked(from buffer: inout ClientReadBuffer, into body: inout [UInt8], limit: Int) throws(ClientIOFailure) {
        while true {
            let size = try parseChunkSize(buffer.readLine(limit: maxChunkLine))
            if size == 0 {
                _ = try ClientResponseHead.readFields(from: &buffer, budget: ClientResponseHead.maxBytes)
                return
            }
            guard size <= limit - body.count else { throw ClientIOFailure.tooLarge }
            try buffer.read(exactly: size, into: &body)
            guard try buffer.readLine(limit: 2).isEmpty else { throw ClientIOFailure.malformed("missing CRLF after chunk data") }
        }
    }

    /// `1*HEXDIG [BWS ";" extensions]`, overflow-checked.
    static func parseChunkSize(_ line: [UInt8]) throws(ClientIOFailure) -> Int {
        var size = 0
        var digits = 0
        var index = 0
        while index < line.count, let nibble = Hex.value(of: line[index]) {
            let value = Int(nibble)
            guard size <= (Int.max - value) / 16 else { throw ClientIOFailure.malformed("chunk size overflows") }
            size = size * 16 + value
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw ClientIOFailure.malformed("invalid chunk size") }
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index == line.count || line[index] == UInt8(ascii: ";") else { throw ClientIOFailure.malformed("invalid chunk size") }
        return size
    }
}
