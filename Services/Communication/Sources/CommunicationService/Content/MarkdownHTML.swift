/// Raw HTML recognition (markdown-it's `html_re` and the `html_block` rule). Raw HTML is
/// passed through unchanged (`html: true`).
enum MarkdownHTML {
    static let blockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func hasPrefix(_ src: [UInt8], _ pos: Int, _ prefix: String, caseInsensitive: Bool = false) -> Bool {
        var cursor = pos
        for expected in prefix.utf8 {
            guard cursor < src.count else { return false }
            let actual = src[cursor]
            if caseInsensitive ? (actual | 0x20) != (expected | 0x20) : actual != expected { return false }
            cursor += 1
        }
        return true
    }

    /// The first position of `needle` at or after `from` before `end`, or nil.
    static func find(_ needle: String, in src: [UInt8], from: Int, end: Int) -> Int? {
        let bytes = Array(needle.utf8)
        var pos = from
        while pos + bytes.count <= end {
            if src[pos] == bytes[0], hasPrefix(src, pos, needle) { return pos }
            pos += 1
        }
        return nil
    }

    /// Scans a tag name `[A-Za-z][A-Za-z0-9-]*` starting at `pos`; returns its end.
    static func tagNameEnd(_ src: [UInt8], _ pos: Int, _ end: Int) -> Int? {
        guard pos < end, MarkdownText.isLetter(src[pos]) else { return nil }
        var cursor = pos + 1
        while cursor < end, MarkdownText.isAlphanumeric(src[cursor]) || src[cursor] == 0x2D { cursor += 1 }
        return cursor
    }

    /// Matches an open tag `<name attr="v">` or a close tag `</name>` at `pos`; returns its end.
    static func openOrCloseTag(_ src: [UInt8], _ pos: Int, _ end: Int) -> Int? {
        guard pos + 1 < end, src[pos] == 0x3C else { return nil }
        if src[pos + 1] == 0x2F {
            guard var cursor = tagNameEnd(src, pos + 2, end) else { return nil }
            while cursor < end, isWhitespace(src[cursor]) { cursor += 1 }
            return cursor < end && src[cursor] == 0x3E ? cursor + 1 : nil
        }
        guard var cursor = tagNameEnd(src, pos + 1, end) else { return nil }
        while true {
            var next = cursor
            while next < end, isWhitespace(src[next]) { next += 1 }
            guard next > cursor, next < end, isAttributeNameStart(src[next]) else { cursor = next; break }
            next += 1
            while next < end, isAttributeNameStart(src[next]) || MarkdownText.isDigit(src[next])
                || src[next] == 0x2E || src[next] == 0x2D { next += 1 }
            cursor = next
            var valuePos = next
            while valuePos < end, isWhitespace(src[valuePos]) { valuePos += 1 }
            guard valuePos < end, src[valuePos] == 0x3D else { continue }
            valuePos += 1
            while valuePos < end, isWhitespace(src[valuePos]) { valuePos += 1 }
            if let valueEnd = attributeValueEnd(src, valuePos, end) { cursor = valueEnd }
        }
        if cursor < end, src[cursor] == 0x2F { cursor += 1 }
        return cursor < end && src[cursor] == 0x3E ? cursor + 1 : nil
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        MarkdownText.isLetter(byte) || byte == 0x5F || byte == 0x3A
    }

    private static func attributeValueEnd(_ src: [UInt8], _ pos: Int, _ end: Int) -> Int? {
        guard pos < end else { return nil }
        let quote = src[pos]
        if quote == 0x22 || quote == 0x27 {
            var cursor = pos + 1
            while cursor < end, src[cursor] != quote { cursor += 1 }
            return cursor < end ? cursor + 1 : nil
        }
        var cursor = pos
        while cursor < end {
            let byte = src[cursor]
            if byte <= 0x20 || byte == 0x22 || byte == 0x27 || byte == 0x3D || byte == 0x3C
                || byte == 0x3E || byte == 0x60 { break }
            cursor += 1
        }
        return cursor > pos ? cursor : nil
    }

    /// `HTML_TAG_RE` at `pos`: tags, comments, processing instructions, declarations, CDATA.
    /// `lastIndex` answers "where is the last occurrence of this terminator", which keeps runs
    /// of unterminated openers linear.
    static func tag(_ src: [UInt8], _ pos: Int, _ end: Int, lastIndex: (String) -> Int) -> Int? {
        if let tagEnd = openOrCloseTag(src, pos, end) { return tagEnd }
        if hasPrefix(src, pos, "<!--") {
            if hasPrefix(src, pos, "<!-->") { return pos + 5 }
            if hasPrefix(src, pos, "<!--->") { return pos + 6 }
            guard lastIndex("-->") >= pos + 4 else { return nil }
            var cursor = pos + 4
            while cursor < end {
                if hasPrefix(src, cursor, "-->") { return cursor + 3 }
                if src[cursor] != 0x2D { cursor += 1; continue }
                guard cursor + 1 < end else { return nil }
                if src[cursor + 1] != 0x2D { cursor += 2; continue }
                guard cursor + 2 < end, src[cursor + 2] != 0x3E else { return nil }
                cursor += 3
            }
            return nil
        }
        if hasPrefix(src, pos, "<![CDATA[") {
            guard lastIndex("]]>") >= pos + 9 else { return nil }
            return find("]]>", in: src, from: pos + 9, end: end).map { $0 + 3 }
        }
        if hasPrefix(src, pos, "<?") {
            guard lastIndex("?>") >= pos + 2 else { return nil }
            return find("?>", in: src, from: pos + 2, end: end).map { $0 + 2 }
        }
        if hasPrefix(src, pos, "<!"), pos + 2 < end, MarkdownText.isLetter(src[pos + 2]) {
            guard lastIndex(">") >= pos + 3 else { return nil }
            return find(">", in: src, from: pos + 3, end: end).map { $0 + 1 }
        }
        return nil
    }
}
