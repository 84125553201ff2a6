/// CommonMark → HTML, modelled on markdown-it (markdown-it-py) with `html: true`,
/// `breaks: true` and the `table` and `strikethrough` rules (communication.md §5.1).
///
/// The pipeline is markdown-it's: normalise the input, tokenize blocks, tokenize each
/// inline run, then render the token stream. Nesting is bounded by ``maxNesting`` and
/// the inline scanners keep markdown-it's caches, so any input finishes in roughly
/// linear time. Link reference definitions are not supported.
enum Markdown {
    /// markdown-it's `maxNesting` of the default preset.
    static let maxNesting = 100

    /// Renders `markdown` as HTML, e.g. `# Heading` → `<h1>Heading</h1>\n`.
    static func html(_ markdown: String) -> String {
        let source = normalize(Array(markdown.utf8))
        guard !source.isEmpty else { return "" }
        let state = MarkdownBlockState(source)
        state.tokenize(from: 0, to: state.lineMax)
        var tokens = state.tokens
        for index in tokens.indices where tokens[index].type == .inline {
            tokens[index].children = MarkdownInlineState.parse(Array(tokens[index].content.utf8))
        }
        return MarkdownRenderer.render(tokens)
    }

    /// markdown-it's `normalize` core rule: CRLF and CR become LF, NUL becomes U+FFFD.
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
