/// The simple inline rules: text runs, line breaks, backslash escapes, code spans,
/// entities, autolinks and raw inline HTML.
extension MarkdownInlineState {
    private static let terminators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\n!#$%&*+-:<=>@[\\]^_`{}~".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Plain text up to the next character some rule might care about.
    func text(silent: Bool) -> Bool {
        var cursor = pos
        while cursor < posMax, !Self.terminators[Int(src[cursor])] { cursor += 1 }
        guard cursor > pos else { return false }
        if !silent { pending.append(contentsOf: src[pos..<cursor]) }
        pos = cursor
        return true
    }

    /// A newline: soft break, or hard break after two trailing spaces; both render `<br>`.
    func newline(silent: Bool) -> Bool {
        guard src[pos] == 0x0A else { return false }
        if !silent {
            if pending.last == 0x20 {
                if pending.count >= 2, pending[pending.count - 2] == 0x20 {
                    while pending.last == 0x20 { pending.removeLast() }
                    push(.hardbreak, "br", 0)
                } else {
                    pending.removeLast()
                    push(.softbreak, "br", 0)
                }
            } else {
                push(.softbreak, "br", 0)
            }
        }
        pos += 1
        while pos < posMax, MarkdownText.isSpace(src[pos]) { pos += 1 }
        return true
    }

    /// `\` before ASCII punctuation (literal character) or a newline (hard break).
    func escape(silent: Bool) -> Bool {
        guard src[pos] == 0x5C, pos + 1 < posMax else { return false }
        let next = src[pos + 1]
        if next == 0x0A {
            if !silent { push(.hardbreak, "br", 0) }
            pos += 2
            while pos < posMax, MarkdownText.isSpace(src[pos]) { pos += 1 }
            return true
        }
        var length = 1
        if next >= 0xC0 {
            while pos + 1 + length < posMax, src[pos + 1 + length] & 0xC0 == 0x80 { length += 1 }
        }
        if !silent {
            let text = MarkdownText.isASCIIPunct(next) ? [next] : Array(src[pos..<(pos + 1 + length)])
            let token = push(.text, "", 0)
            tokens[token].content = String(decoding: text, as: UTF8.self)
        }
        pos += 1 + length
        return true
    }

    /// Code span: a backtick run up to the next run of the same length before `posMax`.
    /// The last position of each run length is computed once for the whole source, so
    /// runs without a closer are recognised without scanning (markdown-it-py 4.3).
    func backtick(silent: Bool) -> Bool {
        guard src[pos] == 0x60 else { return false }
        let start = pos
        var cursor = pos + 1
        while cursor < posMax, src[cursor] == 0x60 { cursor += 1 }
        let openerLength = cursor - start
        if !backticksScanned {
            backticks = Self.lastBacktickRuns(src)
            backticksScanned = true
        }
        if (backticks[openerLength] ?? -1) >= cursor {
            var matchEnd = cursor
            while let matchStart = src[matchEnd...].firstIndex(of: 0x60), matchStart < posMax {
                matchEnd = matchStart + 1
                while matchEnd < src.count, src[matchEnd] == 0x60 { matchEnd += 1 }
                if matchEnd > posMax { break }
                if matchEnd - matchStart == openerLength {
                    if !silent {
                        var content = src[cursor..<matchStart].map { $0 == 0x0A ? 0x20 : $0 }
                        if content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
                            content = Array(content.dropFirst().dropLast())
                        }
                        let token = push(.codeInline, "code", 0)
                        tokens[token].content = String(decoding: content, as: UTF8.self)
                    }
                    pos = matchEnd
                    return true
                }
            }
        }
        if !silent { pending.append(contentsOf: src[start..<cursor]) }
        pos = cursor
        return true
    }

    /// Backtick run length → start of the last run of that length.
    private static func lastBacktickRuns(_ src: [UInt8]) -> [Int: Int] {
        var runs: [Int: Int] = [:]
        var pos = 0
        while let start = src[pos...].firstIndex(of: 0x60) {
            pos = start + 1
            while pos < src.count, src[pos] == 0x60 { pos += 1 }
            runs[pos - start] = start
        }
        return runs
    }

    /// `&name;`, `&#123;` and `&#x1F;` references decode to their characters.
    func entity(silent: Bool) -> Bool {
        guard src[pos] == 0x26, let (decoded, length) = MarkdownText.entity(src, at: pos, max: posMax) else {
            return false
        }
        if !silent {
            let token = push(.text, "", 0)
            tokens[token].content = decoded
        }
        pos += length
        return true
    }

    /// `<scheme:…>` and `<user@host>` autolinks.
    func autolink(silent: Bool) -> Bool {
        guard src[pos] == 0x3C else { return false }
        var cursor = pos
        while true {
            cursor += 1
            if cursor >= posMax || src[cursor] == 0x3C { return false }
            if src[cursor] == 0x3E { break }
        }
        let url = Array(src[(pos + 1)..<cursor])
        let href: String
        if MarkdownLinks.isAutolinkURL(url) {
            href = MarkdownLinks.normalize(url)
        } else if MarkdownLinks.isAutolinkEmail(url) {
            href = MarkdownLinks.normalize(Array("mailto:".utf8) + url)
        } else {
            return false
        }
        guard MarkdownLinks.isValid(href) else { return false }
        if !silent {
            let open = push(.tag, "a", 1)
            tokens[open].attrs = [("href", href)]
            let text = push(.text, "", 0)
            tokens[text].content = MarkdownLinks.normalizeText(url)
            push(.tag, "a", -1)
        }
        pos = cursor + 1
        return true
    }

    /// Raw inline HTML (tags, comments, declarations), passed through unchanged.
    func htmlInline(silent: Bool) -> Bool {
        guard src[pos] == 0x3C, pos + 2 < posMax else { return false }
        let second = src[pos + 1]
        guard second == 0x21 || second == 0x3F || second == 0x2F || MarkdownText.isLetter(second) else { return false }
        guard let end = MarkdownHTML.tag(src, pos, src.count, lastIndex: lastIndex(of:)) else { return false }
        if !silent {
            let token = push(.htmlInline, "", 0)
            tokens[token].content = String(decoding: src[pos..<end], as: UTF8.self)
        }
        pos = end
        return true
    }
}
