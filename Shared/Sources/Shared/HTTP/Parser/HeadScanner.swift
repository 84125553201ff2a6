/// Finds the end of a request head in a growing buffer without rescanning bytes it has
/// already checked (a slowloris client sending one byte at a time costs O(n), not O(n²)).
/// While scanning it enforces the line-ending rules (CRLF only: bare CR or LF is an error)
/// and the size limits of the request line, each header line and the whole section.
struct HeadScanner: Sendable {
    private var position = 0
    private var lineStart = 0
    private var lineNumber = 0

    enum Outcome: Equatable { case needMore, complete(headLength: Int), failure(HTTPParseError) }

    /// Scans `buffer` (which starts at the first byte of the request) from where the last call stopped.
    mutating func scan(_ buffer: UnsafeRawBufferPointer, limits: HTTPLimits) -> Outcome {
        let count = buffer.count
        while position < count {
            let byte = buffer[position]
            if byte == HTTPBytes.cr {
                guard position + 1 < count else { break }               // decide when the next byte arrives
                guard buffer[position + 1] == HTTPBytes.lf else { return .failure(.bareLineBreak) }
                if lineNumber > 0 && position == lineStart { return .complete(headLength: position + 2) }
                position += 2
                lineStart = position
                lineNumber += 1
            } else {
                if byte == HTTPBytes.lf { return .failure(.bareLineBreak) }
                position += 1
            }
            // Checked after every byte, so the outcome never depends on how the input was split.
            if let error = checkLimits(limits) { return .failure(error) }
        }
        return .needMore
    }

    /// The current line's length and the bytes scanned so far (the terminating empty line excluded).
    private func checkLimits(_ limits: HTTPLimits) -> HTTPParseError? {
        let length = position - lineStart
        if lineNumber == 0 && length > limits.maxRequestLineBytes { return .requestLineTooLong }
        if lineNumber > 0 && length > limits.maxHeaderLineBytes { return .headersTooLarge }
        return position > limits.maxHeaderBytes ? .headersTooLarge : nil
    }
}
