/// §5.2: the plain-text variant of an HTML body.
///
/// Tags are removed (`<script>`/`<style>` with their contents, comments too), entities
/// decoded, whitespace collapsed as a browser would (except inside `<pre>`), and block
/// boundaries (`<br>`, paragraphs, headings, list items, table rows, `<hr>` …) become line
/// breaks. Lines lose trailing spaces, runs of blank lines shrink to one, the whole is trimmed.
enum HTMLText {
    private static let paragraphTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
        "hr", "section", "article", "header", "footer", "dl", "figure", "address", "main", "nav",
    ]
    private static let lineTags: Set<String> = ["li", "tr", "thead", "tbody", "tfoot", "dt", "dd", "caption"]
    private static let cellTags: Set<String> = ["td", "th"]

    /// Extracts the visible text of `html`.
    static func plainText(_ html: String) -> String {
        let src = Array(html.utf8)
        var out: [UInt8] = []
        var pos = 0
        var preDepth = 0
        while pos < src.count {
            if src[pos] == 0x3C, let tag = parseTag(src, pos) {
                pos = tag.end
                let name = tag.name
                if !tag.closing, name == "script" || name == "style" {
                    pos = skipRawText(src, from: pos, name: name)
                    continue
                }
                if name == "pre" { preDepth = max(0, preDepth + (tag.closing ? -1 : 1)) }
                if paragraphTags.contains(name) {
                    out.append(contentsOf: [0x0A, 0x0A])
                } else if name == "br" {
                    out.append(0x0A)
                } else if lineTags.contains(name) {
                    if let last = out.last, last != 0x0A { out.append(0x0A) }
                } else if cellTags.contains(name), tag.closing {
                    out.append(0x09)
                }
                continue
            }
            var end = pos + 1
            while end < src.count, src[end] != 0x3C { end += 1 }
            appendText(decode(Array(src[pos..<end])), preserve: preDepth > 0, to: &out)
            pos = end
        }
        return tidy(String(decoding: out, as: UTF8.self))
    }

    /// A tag, comment or declaration at `pos`: its lowercased name and end; nil for a literal `<`.
    private static func parseTag(_ src: [UInt8], _ pos: Int) -> (name: String, closing: Bool, end: Int)? {
        if MarkdownHTML.hasPrefix(src, pos, "<!--") {
            let end = MarkdownHTML.find("-->", in: src, from: pos + 4, end: src.count).map { $0 + 3 } ?? src.count
            return ("!--", false, end)
        }
        var cursor = pos + 1
        let closing = cursor < src.count && src[cursor] == 0x2F
        if closing { cursor += 1 }
        guard cursor < src.count, MarkdownText.isLetter(src[cursor]) || (!closing && (src[cursor] == 0x21 || src[cursor] == 0x3F)) else {
            return nil
        }
        let nameStart = cursor
        while cursor < src.count, MarkdownText.isAlphanumeric(src[cursor]) || src[cursor] == 0x2D { cursor += 1 }
        let name = String(decoding: src[nameStart..<cursor], as: UTF8.self).lowercased()
        var quote: UInt8 = 0
        while cursor < src.count {
            let byte = src[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return (name, closing, cursor + 1)
            }
            cursor += 1
        }
        return (name, closing, src.count)
    }

    /// Skips the contents of `<script>`/`<style>` up to and including the closing tag.
    private static func skipRawText(_ src: [UInt8], from: Int, name: String) -> Int {
        var cursor = from
        while let found = MarkdownHTML.find("</", in: src, from: cursor, end: src.count) {
            if MarkdownHTML.hasPrefix(src, found + 2, name, caseInsensitive: true) {
                return parseTag(src, found)?.end ?? src.count
            }
            cursor = found + 2
        }
        return src.count
    }

    /// Decodes character references in a text node.
    private static func decode(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x26) else { return bytes }
        var out: [UInt8] = []
        var pos = 0
        while pos < bytes.count {
            if bytes[pos] == 0x26, let (text, length) = MarkdownText.entity(bytes, at: pos, max: bytes.count) {
                out.append(contentsOf: text.utf8)
                pos += length
            } else {
                out.append(bytes[pos])
                pos += 1
            }
        }
        return out
    }

    /// Appends text, collapsing whitespace runs to one space outside `<pre>`.
    private static func appendText(_ text: [UInt8], preserve: Bool, to out: inout [UInt8]) {
        if preserve {
            out.append(contentsOf: text)
            return
        }
        for byte in text {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if let last = out.last, last != 0x20, last != 0x0A, last != 0x09 { out.append(0x20) }
            } else {
                out.append(byte)
            }
        }
    }

    /// Trims trailing spaces of each line, collapses 3+ newlines to 2, trims the whole.
    private static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blankRun = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            blankRun = trimmed.isEmpty ? blankRun + 1 : 0
            if blankRun < 2 { lines.append(trimmed) }
        }
        let joined = lines.joined(separator: "\n")
        let scalars = joined.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
