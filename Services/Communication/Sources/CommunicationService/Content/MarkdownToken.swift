/// The kinds of tokens the renderer treats specially; everything else is a plain tag.
enum MarkdownTokenType: Equatable {
    case tag, inline, text, paragraphOpen, paragraphClose, codeBlock, fence
    case htmlBlock, htmlInline, codeInline, softbreak, hardbreak, image, strikeClose
}

/// One markdown-it token: an opening/closing/self-contained tag or a content node.
struct MarkdownToken {
    var type: MarkdownTokenType
    var tag: String
    /// 1 opens, -1 closes, 0 is self-contained.
    var nesting: Int
    var attrs: [(name: String, value: String)] = []
    var content = ""
    var info = ""
    var level = 0
    var block = false
    /// Paragraphs in tight lists are hidden (their content is rendered, the tags are not).
    var hidden = false
    var children: [MarkdownToken] = []

    init(_ type: MarkdownTokenType, _ tag: String, _ nesting: Int) {
        self.type = type
        self.tag = tag
        self.nesting = nesting
    }
}

/// markdown-it's default renderer with `breaks: true` and `xhtmlOut: false`.
enum MarkdownRenderer {
    /// Renders a block token stream (inline tokens carry their children).
    static func render(_ tokens: [MarkdownToken]) -> String {
        var out = ""
        for index in tokens.indices {
            let token = tokens[index]
            switch token.type {
            case .inline: renderInline(token.children, into: &out)
            case .codeBlock:
                out += "<pre><code>" + MarkdownText.escapeHTML(token.content) + "</code></pre>\n"
            case .fence: renderFence(token, into: &out)
            case .htmlBlock: out += token.content
            default: renderToken(tokens, index, into: &out)
            }
        }
        return out
    }

    /// Renders inline tokens.
    static func renderInline(_ tokens: [MarkdownToken], into out: inout String) {
        for index in tokens.indices {
            let token = tokens[index]
            switch token.type {
            case .text: out += MarkdownText.escapeHTML(token.content)
            case .codeInline: out += "<code>" + MarkdownText.escapeHTML(token.content) + "</code>"
            case .softbreak, .hardbreak: out += "<br>\n"
            case .htmlInline, .htmlBlock: out += token.content
            case .image:
                var image = token
                var alt = ""
                renderInlineAsText(token.children, into: &alt)
                if let altIndex = image.attrs.firstIndex(where: { $0.name == "alt" }) {
                    image.attrs[altIndex].value = alt
                }
                renderToken([image], 0, into: &out)
            default: renderToken(tokens, index, into: &out)
            }
        }
    }

    /// The text content of inline tokens (image `alt`).
    static func renderInlineAsText(_ tokens: [MarkdownToken], into out: inout String) {
        for token in tokens {
            switch token.type {
            case .text, .htmlInline, .htmlBlock: out += token.content
            case .image: renderInlineAsText(token.children, into: &out)
            case .softbreak, .hardbreak: out += "\n"
            default: break
            }
        }
    }

    /// Fenced code: the first word of the info string becomes `class="language-…"`.
    static func renderFence(_ token: MarkdownToken, into out: inout String) {
        let info = MarkdownText.trim(MarkdownText.unescapeAll(Array(token.info.utf8)))
        let language = info.unicodeScalars.prefix { !MarkdownText.isTrimSpace($0) }
        out += "<pre><code"
        if !language.isEmpty {
            out += " class=\"language-" + MarkdownText.escapeHTML(String(String.UnicodeScalarView(language))) + "\""
        }
        out += ">" + MarkdownText.escapeHTML(token.content) + "</code></pre>\n"
    }

    /// markdown-it's `renderToken`: the tag, its attributes and block-level newlines.
    static func renderToken(_ tokens: [MarkdownToken], _ index: Int, into out: inout String) {
        let token = tokens[index]
        if token.hidden { return }
        if token.block, token.nesting != -1, index > 0, tokens[index - 1].hidden { out += "\n" }
        out += (token.nesting == -1 ? "</" : "<") + token.tag
        for attr in token.attrs {
            out += " " + MarkdownText.escapeHTML(attr.name) + "=\"" + MarkdownText.escapeHTML(attr.value) + "\""
        }
        var needNewline = false
        if token.block {
            needNewline = true
            if token.nesting == 1, index + 1 < tokens.count {
                let next = tokens[index + 1]
                if next.type == .inline || next.hidden || (next.nesting == -1 && next.tag == token.tag) {
                    needNewline = false
                }
            }
        }
        out += needNewline ? ">\n" : ">"
    }
}
