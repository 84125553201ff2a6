/// One piece of template source: literal text, an output tag or a statement tag.
enum SourceSegment: Equatable {
    case text(String)
    case output([ExpressionToken], line: Int)
    case statement([ExpressionToken], line: Int)
}

/// Cuts template source into text and tags, drops `{# comments #}` and applies the `-`
/// whitespace control (`{%-` strips the whitespace before a tag, `-%}` the whitespace after).
/// Like Jinja's default, one trailing newline of the source is dropped.
struct TemplateScanner {
    private var lexer: ExpressionLexer
    private var segments: [SourceSegment] = []
    private var stripNextText = false

    static func scan(_ source: String) throws(TemplateError) -> [SourceSegment] {
        var bytes = Array(source.utf8)
        if bytes.last == 0x0A { bytes.removeLast(); if bytes.last == 0x0D { bytes.removeLast() } }
        var scanner = TemplateScanner(lexer: ExpressionLexer(bytes: bytes, position: 0, line: 1))
        try scanner.run()
        return scanner.segments
    }

    private var bytes: [UInt8] { lexer.bytes }

    private mutating func run() throws(TemplateError) {
        while lexer.position < bytes.count {
            guard let open = nextOpening() else { break }
            appendText(upTo: open)
            let kind = bytes[open + 1], tagLine = lexer.line
            lexer.position = open + 2
            if lexer.position < bytes.count, bytes[lexer.position] == UInt8(ascii: "-") {
                stripTrailingWhitespaceOfLastText()
                lexer.position += 1
            }
            switch kind {
            case UInt8(ascii: "#"):
                try skipComment(openedOn: tagLine)
            case UInt8(ascii: "{"):
                let tag = try lexer.tag(closer: UInt8(ascii: "}"), openedOn: tagLine)
                segments.append(.output(tag.tokens, line: tagLine))
                stripNextText = tag.strip
            default:
                let tag = try lexer.tag(closer: UInt8(ascii: "%"), openedOn: tagLine)
                segments.append(.statement(tag.tokens, line: tagLine))
                stripNextText = tag.strip
            }
        }
        appendText(upTo: bytes.count)
    }

    /// The index of the next `{{`, `{%` or `{#` at or after the current position.
    private func nextOpening() -> Int? {
        var index = lexer.position
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), Array("{%#".utf8).contains(bytes[index + 1]) { return index }
            index += 1
        }
        return nil
    }

    private mutating func appendText(upTo end: Int) {
        var start = lexer.position
        while lexer.position < end { if bytes[lexer.position] == 0x0A { lexer.line += 1 }; lexer.position += 1 }
        if stripNextText { while start < end, TemplateByte.isSpace(bytes[start]) { start += 1 } }
        stripNextText = false
        if start < end { segments.append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
    }

    private mutating func stripTrailingWhitespaceOfLastText() {
        guard case .text(let text) = segments.last else { return }
        let kept = String(text.reversed().drop(while: \.isWhitespace).reversed())
        segments.removeLast()
        if !kept.isEmpty { segments.append(.text(kept)) }
    }

    private mutating func skipComment(openedOn tagLine: Int) throws(TemplateError) {
        while lexer.position + 1 < bytes.count {
            if bytes[lexer.position] == UInt8(ascii: "#"), bytes[lexer.position + 1] == UInt8(ascii: "}") {
                let before = lexer.position - 1
                stripNextText = before >= 0 && bytes[before] == UInt8(ascii: "-")
                lexer.position += 2
                return
            }
            if bytes[lexer.position] == 0x0A { lexer.line += 1 }
            lexer.position += 1
        }
        throw .syntax(line: tagLine, message: "unclosed comment: missing '#}'")
    }
}
