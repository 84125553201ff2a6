/// Splits the inside of one tag into tokens, stopping at its closing `}}` or `%}` (optionally
/// preceded by `-`). Quotes are honoured, so `'%}'` inside a string does not end the tag.
struct ExpressionLexer {
    let bytes: [UInt8]
    var position: Int
    var line: Int

    /// The tag's tokens and whether it closed with `-` (strip the whitespace after it).
    /// `closer` is the first byte of the closing pair: `}` for `}}`, `%` for `%}`.
    mutating func tag(closer: UInt8, openedOn tagLine: Int) throws(TemplateError) -> (tokens: [ExpressionToken], strip: Bool) {
        var tokens: [ExpressionToken] = []
        while true {
            while position < bytes.count, TemplateByte.isSpace(bytes[position]) { advance() }
            guard position < bytes.count else {
                throw .syntax(line: tagLine, message: "unclosed tag: missing '\(Character(Unicode.Scalar(closer)))}'")
            }
            if closes(at: position, closer) { position += 2; return (tokens, false) }
            if bytes[position] == UInt8(ascii: "-"), closes(at: position + 1, closer) { position += 3; return (tokens, true) }
            tokens.append(try token())
        }
    }

    private func closes(at index: Int, _ closer: UInt8) -> Bool {
        index + 1 < bytes.count && bytes[index] == closer && bytes[index + 1] == UInt8(ascii: "}")
    }

    private mutating func advance() {
        if bytes[position] == 0x0A { line += 1 }
        position += 1
    }

    private mutating func token() throws(TemplateError) -> ExpressionToken {
        let start = position, byte = bytes[position]
        if TemplateByte.isNameStart(byte) {
            while position < bytes.count, TemplateByte.isNamePart(bytes[position]) { position += 1 }
            return ExpressionToken(kind: .name(text(start..<position)), line: line)
        }
        if TemplateByte.isDigit(byte) { return try number() }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") { return try string(quote: byte) }
        let pair = position + 1 < bytes.count ? text(position..<position + 2) : ""
        if ["==", "!=", "<=", ">="].contains(pair) {
            position += 2
            return ExpressionToken(kind: .symbol(pair), line: line)
        }
        if Array(".,()[]|~=<>-".utf8).contains(byte) {
            position += 1
            return ExpressionToken(kind: .symbol(text(start..<position)), line: line)
        }
        let shown = byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "(non-ASCII)"
        throw .syntax(line: line, message: "unexpected character \(shown)")
    }

    private mutating func number() throws(TemplateError) -> ExpressionToken {
        let start = position
        while position < bytes.count, TemplateByte.isDigit(bytes[position]) { position += 1 }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), TemplateByte.isDigit(bytes[position + 1]) {
            position += 1
            while position < bytes.count, TemplateByte.isDigit(bytes[position]) { position += 1 }
            guard let value = Double(text(start..<position)) else { throw .syntax(line: line, message: "invalid number") }
            return ExpressionToken(kind: .double(value), line: line)
        }
        guard let value = Int(text(start..<position)) else {
            throw .syntax(line: line, message: "number too large: \(text(start..<position))")
        }
        return ExpressionToken(kind: .int(value), line: line)
    }

    private mutating func string(quote: UInt8) throws(TemplateError) -> ExpressionToken {
        let startLine = line
        var content: [UInt8] = []
        position += 1
        while position < bytes.count, bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case UInt8(ascii: "n"): content.append(0x0A)
                case UInt8(ascii: "t"): content.append(0x09)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): content.append(escaped)
                default: content.append(contentsOf: [bytes[position], escaped])
                }
                position += 2
                continue
            }
            content.append(bytes[position])
            advance()
        }
        guard position < bytes.count else { throw .syntax(line: startLine, message: "unterminated string literal") }
        position += 1
        return ExpressionToken(kind: .string(String(decoding: content, as: UTF8.self)), line: startLine)
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
