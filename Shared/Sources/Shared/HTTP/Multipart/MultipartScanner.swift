#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level walk over a complete multipart body (RFC 2046 §5.1.1 grammar; the rules are
/// documented on `MultipartFormData`). Searches use `memchr`/`memcmp`, so a 10 MiB upload is
/// scanned at memory speed, and part bodies are returned as slices of the input.
struct MultipartScanner {
    let body: [UInt8]
    /// `CRLF--boundary`.
    let delimiter: [UInt8]
    let limits: MultipartFormData.Limits

    /// A delimiter line in the body.
    private struct Delimiter {
        /// Index of its first byte: the CR, or the first `-` of a body-initial dash-boundary.
        let start: Int
        /// `--boundary--`.
        let isClose: Bool
        /// Index after the line's CRLF, where the next part's headers start.
        let next: Int
    }

    func parts() throws(MultipartError) -> [MultipartPart] {
        guard var delimiter = try firstDelimiter() else { throw .missingInitialBoundary }
        var parts: [MultipartPart] = []
        while !delimiter.isClose {
            let number = parts.count + 1
            guard number <= limits.maxParts else { throw .tooManyParts(limit: limits.maxParts) }
            let (headers, start) = try headerSection(from: delimiter.next, part: number)
            let (name, filename) = try MultipartPart.disposition(headers, part: number)
            guard let next = try findDelimiter(from: start, part: number + 1) else { throw .unterminated }
            parts.append(MultipartPart(headers: headers, name: name, filename: filename, body: body[start..<next.start]))
            delimiter = next
        }
        return parts
    }

    /// The dash-boundary at offset 0 (no preamble), else the first `CRLF--boundary`.
    private func firstDelimiter() throws(MultipartError) -> Delimiter? {
        let length = delimiter.count - 2
        if body.count >= length, body[0..<length].elementsEqual(delimiter[2...]),
           let found = try classify(start: 0, boundaryEnd: length, part: 1) {
            return found
        }
        return try findDelimiter(from: 0, part: 1)
    }

    private func findDelimiter(from start: Int, part: Int) throws(MultipartError) -> Delimiter? {
        var position = start
        while let match = search(from: position) {
            if let found = try classify(start: match, boundaryEnd: match + delimiter.count, part: part) { return found }
            position = match + 1
        }
        return nil
    }

    /// Decides from the bytes after a boundary whether it ends a delimiter line: `--` (close),
    /// or optional spaces/tabs and CRLF. Any other byte right after the boundary means content
    /// (nil); other bytes after padding, a bare LF or the end of the body are errors.
    private func classify(start: Int, boundaryEnd end: Int, part: Int) throws(MultipartError) -> Delimiter? {
        guard end < body.count else { throw .unterminated }
        switch body[end] {
        case UInt8(ascii: "-"):
            guard end + 1 < body.count else { throw .unterminated }
            return body[end + 1] == UInt8(ascii: "-") ? Delimiter(start: start, isClose: true, next: end + 2) : nil
        case 0x20, 0x09, 0x0D, 0x0A:
            var index = end
            while index < body.count, body[index] == 0x20 || body[index] == 0x09 { index += 1 }
            guard index + 1 < body.count else { throw .unterminated }
            switch (body[index], body[index + 1]) {
            case (0x0D, 0x0A): return Delimiter(start: start, isClose: false, next: index + 2)
            case (0x0D, _), (0x0A, _): throw .bareLineEnding(part: part)
            default: throw .malformedDelimiter(part: part)
            }
        default:
            return nil
        }
    }

    /// The header fields starting at `start` and the index after the empty line ending them.
    private func headerSection(from start: Int, part: Int) throws(MultipartError) -> (HTTPHeaders, Int) {
        var headers = HTTPHeaders()
        var lineStart = start
        let limit = start + limits.maxHeaderBytes
        while true {
            guard let lf = index(of: 0x0A, from: lineStart, to: min(body.count, limit)) else {
                throw body.count < limit ? .unterminated : .headerTooLarge(part: part, limit: limits.maxHeaderBytes)
            }
            guard lf > lineStart, body[lf - 1] == 0x0D else { throw .bareLineEnding(part: part) }
            let line = lineStart..<(lf - 1)
            lineStart = lf + 1
            if line.isEmpty { return (headers, lineStart) }
            let (name, value) = try field(line, part: part)
            headers.add(name, value)
        }
    }

    /// `name: value` with a token name, no space before the colon and no control characters.
    private func field(_ line: Range<Int>, part: Int) throws(MultipartError) -> (String, String) {
        if body[line.lowerBound] == 0x20 || body[line.lowerBound] == 0x09 { throw .foldedHeader(part: part) }
        var colon = line.lowerBound
        while colon < line.upperBound, HeaderParameters.isTokenByte(body[colon]) { colon += 1 }
        guard colon > line.lowerBound, colon < line.upperBound, body[colon] == UInt8(ascii: ":") else {
            throw .malformedHeader(part: part)
        }
        var start = colon + 1, end = line.upperBound
        while start < end, body[start] == 0x20 || body[start] == 0x09 { start += 1 }
        while end > start, body[end - 1] == 0x20 || body[end - 1] == 0x09 { end -= 1 }
        let value = body[start..<end]
        for byte in value where byte < 0x20 && byte != 0x09 || byte == 0x7F {
            throw byte == 0x0D ? .bareLineEnding(part: part) : .malformedHeader(part: part)
        }
        let name = String(decoding: body[line.lowerBound..<colon], as: UTF8.self)
        // Header text is UTF-8 in practice; bytes that are not valid UTF-8 are read as ISO-8859-1.
        let text = String(validating: value, as: UTF8.self)
            ?? String(String.UnicodeScalarView(value.map { Unicode.Scalar($0) }))
        return (name, text)
    }

    /// The first `CRLF--boundary` at or after `start`.
    private func search(from start: Int) -> Int? {
        let length = delimiter.count
        return body.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var position = start
            while position + length <= buffer.count {
                guard let hit = memchr(base + position, 0x0D, buffer.count - length + 1 - position) else { return nil }
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + index, delimiter, length) == 0 { return index }
                position = index + 1
            }
            return nil
        }
    }

    /// The index of the first `byte` in `start..<end`.
    private func index(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return body.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }
}
