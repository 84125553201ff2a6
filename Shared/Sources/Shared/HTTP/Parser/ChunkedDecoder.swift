/// Decodes a `Transfer-Encoding: chunked` body incrementally (RFC 9112 §7.1). Chunk sizes are
/// 1–16 hex digits with overflow checks; extensions are validated and ignored; trailer fields
/// are validated and discarded; the decoded total may never exceed the body limit.
struct ChunkedDecoder: Sendable {
    private enum State { case size, data(remaining: Int), dataEnd, trailers, done }
    private var state = State.size
    private var trailerBytes = 0
    static let maxLineBytes = 4096

    enum Outcome: Equatable { case needMore, done, failure(HTTPParseError) }

    /// Consumes what it can of `input`, appending decoded bytes to `body`; returns the bytes consumed.
    mutating func decode(_ input: UnsafeRawBufferPointer, into body: inout [UInt8], limit: Int) -> (consumed: Int, outcome: Outcome) {
        var position = 0
        while true {
            switch state {
            case .size:
                guard let end = lineEnd(input, from: position) else { return (position, pendingLine(input, position)) }
                guard end - position <= Self.maxLineBytes else { return (position, .failure(.invalidChunk)) }
                guard let size = Self.chunkSize(UnsafeRawBufferPointer(rebasing: input[position..<end])) else {
                    return (position, .failure(.invalidChunk))
                }
                guard size <= limit - body.count else { return (position, .failure(.bodyTooLarge)) }
                position = end + 2
                state = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, input.count - position)
                guard available > 0 else { return (position, .needMore) }
                body.append(contentsOf: input[position..<position + available])
                position += available
                state = remaining == available ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard input.count - position >= 2 else { return (position, .needMore) }
                guard input[position] == HTTPBytes.cr, input[position + 1] == HTTPBytes.lf else {
                    return (position, .failure(.invalidChunk))
                }
                position += 2
                state = .size
            case .trailers:
                guard let end = lineEnd(input, from: position) else { return (position, pendingLine(input, position)) }
                guard end - position <= Self.maxLineBytes else { return (position, .failure(.invalidChunk)) }
                let line = input[position..<end]
                trailerBytes += line.count + 2
                guard trailerBytes <= Self.maxLineBytes * 2, line.allSatisfy(HTTPBytes.isValueByte) else {
                    return (position, .failure(.invalidChunk))
                }
                position = end + 2
                if line.isEmpty { state = .done }
            case .done:
                return (position, .done)
            }
        }
    }

    /// The index of the CR of the next CRLF, nil when the line is incomplete; bare LF/CR lines
    /// are caught by `pendingLine`/`chunkSize` because they never form a CRLF here.
    private func lineEnd(_ input: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 1 < input.count {
            if input[index] == HTTPBytes.cr && input[index + 1] == HTTPBytes.lf { return index }
            if input[index] == HTTPBytes.lf || input[index] == HTTPBytes.cr { return nil }
            index += 1
        }
        return nil
    }

    /// An incomplete line: too long (counting the bytes before any CR/LF, as a complete line
    /// would be counted) or a bare CR/LF fails now, whatever the split; else wait for more.
    private func pendingLine(_ input: UnsafeRawBufferPointer, _ start: Int) -> Outcome {
        let bad = input[start...].firstIndex(where: { $0 == HTTPBytes.lf || $0 == HTTPBytes.cr })
        if (bad ?? input.count) - start > Self.maxLineBytes { return .failure(.invalidChunk) }
        if let bad, !(input[bad] == HTTPBytes.cr && bad == input.count - 1) {
            return .failure(.bareLineBreak)
        }
        return .needMore
    }

    /// `1*16HEXDIG [ BWS ";" ext ]`: returns the size, or nil for anything else.
    static func chunkSize(_ line: UnsafeRawBufferPointer) -> Int? {
        var value = 0, digits = 0, index = 0
        while index < line.count, let nibble = Hex.value(of: line[index]) {
            let digit = Int(nibble)
            digits += 1
            guard digits <= 16, value <= (Int.max >> 4) else { return nil }
            value = value << 4 | digit
            index += 1
        }
        guard digits > 0 else { return nil }
        if index == line.count { return value }
        while index < line.count, HTTPBytes.isOWS(line[index]) { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: ";"),
              line[index...].allSatisfy(HTTPBytes.isValueByte) else { return nil }
        return value
    }
}
