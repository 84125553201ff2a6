/// Inline links `[text](url "title")` and images `![alt](src "title")`. Reference-style
/// links are not supported (no `[label]: url` definitions), so `[text]` stays text.
extension MarkdownInlineState {
    /// `parseLinkLabel`: the position of the `]` closing the label that starts at `start`
    /// (which holds `[`), or -1. With `disableNested`, a nested link makes it fail.
    func linkLabelEnd(_ start: Int, disableNested: Bool) -> Int {
        let oldPos = pos
        let max = posMax
        pos = start + 1
        var depth = 1
        var found = false
        while pos < max {
            let marker = src[pos]
            if marker == 0x5D {
                depth -= 1
                if depth == 0 {
                    found = true
                    break
                }
            }
            let previous = pos
            skipToken()
            if marker == 0x5B {
                if previous == pos - 1 {
                    depth += 1
                } else if disableNested {
                    pos = oldPos
                    return -1
                }
            }
        }
        let end = found ? pos : -1
        pos = oldPos
        return end
    }

    private func skipWhitespace(_ from: Int) -> Int {
        var cursor = from
        while cursor < posMax, MarkdownText.isSpace(src[cursor]) || src[cursor] == 0x0A { cursor += 1 }
        return cursor
    }

    /// The `(destination "title")` part after a label; nil if it is not a valid inline link.
    private func inlineTarget(after labelEnd: Int) -> (href: String, title: String, end: Int)? {
        var cursor = labelEnd + 1
        guard cursor < posMax, src[cursor] == 0x28 else { return nil }
        cursor = skipWhitespace(cursor + 1)
        guard cursor < posMax else { return nil }
        var href = ""
        var title = ""
        if let destination = MarkdownLinks.destination(src, cursor, posMax) {
            href = MarkdownLinks.normalize(Array(destination.text.utf8))
            if MarkdownLinks.isValid(href) {
                cursor = destination.end
            } else {
                href = ""
            }
            let beforeTitle = cursor
            cursor = skipWhitespace(cursor)
            if cursor < posMax, cursor != beforeTitle, let parsed = MarkdownLinks.title(src, cursor, posMax) {
                title = parsed.text
                cursor = skipWhitespace(parsed.end)
            }
        }
        guard cursor < posMax, src[cursor] == 0x29 else { return nil }
        return (href, title, cursor + 1)
    }

    /// `[text](url "title")`.
    func link(silent: Bool) -> Bool {
        guard src[pos] == 0x5B else { return false }
        let max = posMax
        let labelEnd = linkLabelEnd(pos, disableNested: true)
        guard labelEnd >= 0, let target = inlineTarget(after: labelEnd) else { return false }
        if !silent {
            pos = pos + 1
            posMax = labelEnd
            let open = push(.tag, "a", 1)
            tokens[open].attrs = [("href", target.href)]
            if !target.title.isEmpty { tokens[open].attrs.append(("title", target.title)) }
            tokenize()
            push(.tag, "a", -1)
        }
        pos = target.end
        posMax = max
        return true
    }

    /// `![alt](src "title")`; the alt text is the label's rendered plain text.
    func image(silent: Bool) -> Bool {
        guard src[pos] == 0x21, pos + 1 < posMax, src[pos + 1] == 0x5B else { return false }
        let labelStart = pos + 2
        let labelEnd = linkLabelEnd(pos + 1, disableNested: false)
        guard labelEnd >= 0, let target = inlineTarget(after: labelEnd) else { return false }
        if !silent {
            let token = push(.image, "img", 0)
            tokens[token].attrs = [("src", target.href), ("alt", "")]
            if !target.title.isEmpty { tokens[token].attrs.append(("title", target.title)) }
            tokens[token].children = Self.parse(Array(src[labelStart..<labelEnd]))
        }
        pos = target.end
        return true
    }
}
