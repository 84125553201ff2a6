/// markdown-it's block rules, in its order; `silent` only checks whether a rule would match
/// (used to find where a paragraph, blockquote or list ends).
extension MarkdownBlockState {
    enum Rule { case table, code, fence, blockquote, hr, list, html, heading, lheading, paragraph }

    static let allRules: [Rule] = [.table, .code, .fence, .blockquote, .hr, .list, .html, .heading, .lheading, .paragraph]
    static let paragraphTerminators: [Rule] = [.table, .fence, .blockquote, .hr, .list, .html, .heading]
    static let blockquoteTerminators: [Rule] = [.fence, .blockquote, .hr, .list, .html, .heading]
    static let listTerminators: [Rule] = [.fence, .blockquote, .hr]

    func run(_ rule: Rule, _ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        switch rule {
        case .table: return table(startLine, endLine, silent: silent)
        case .code: return code(startLine, endLine)
        case .fence: return fence(startLine, endLine, silent: silent)
        case .blockquote: return blockquote(startLine, endLine, silent: silent)
        case .hr: return hr(startLine, silent: silent)
        case .list: return list(startLine, endLine, silent: silent)
        case .html: return htmlBlock(startLine, endLine, silent: silent)
        case .heading: return heading(startLine, silent: silent)
        case .lheading: return lheading(startLine, endLine)
        case .paragraph: return paragraph(startLine, endLine)
        }
    }

    func terminates(_ rules: [Rule], _ line: Int, _ endLine: Int) -> Bool {
        rules.contains { run($0, line, endLine, silent: true) }
    }

    /// Block tokenizer over `startLine..<endLine`. Past ``Markdown/maxNesting`` the rest is
    /// one plain paragraph (markdown-it drops it; we keep every phrase).
    func tokenize(from startLine: Int, to endLine: Int) {
        var line = startLine
        var hasEmptyLines = false
        while line < endLine {
            line = skipEmptyLines(line)
            self.line = line
            if line >= endLine || sCount[line] < blkIndent { break }
            if level >= Markdown.maxNesting {
                pushParagraph(MarkdownText.trim(lines(line, endLine, indent: blkIndent, keepLastLF: false)))
                self.line = endLine
                break
            }
            let previous = self.line
            var matched = false
            for rule in Self.allRules where run(rule, line, endLine, silent: false) {
                matched = self.line > previous
                break
            }
            if !matched { self.line = line + 1 }  // defensive: never loop
            tight = !hasEmptyLines
            if isEmpty(self.line - 1) { hasEmptyLines = true }
            line = self.line
            if line < endLine, isEmpty(line) {
                hasEmptyLines = true
                line += 1
                self.line = line
            }
        }
    }

    func pushParagraph(_ content: String) {
        push(.paragraphOpen, "p", 1)
        let inline = push(.inline, "", 0)
        tokens[inline].content = content
        push(.paragraphClose, "p", -1)
    }

    /// Indented code block (4+ columns).
    func code(_ startLine: Int, _ endLine: Int) -> Bool {
        guard sCount[startLine] - blkIndent >= 4 else { return false }
        var next = startLine + 1
        var last = next
        while next < endLine {
            if isEmpty(next) { next += 1; continue }
            guard sCount[next] - blkIndent >= 4 else { break }
            next += 1
            last = next
        }
        line = last
        let token = push(.codeBlock, "code", 0)
        tokens[token].content = lines(startLine, last, indent: 4 + blkIndent, keepLastLF: false) + "\n"
        return true
    }

    /// Fenced code block with ``` or ~~~ and an info string.
    func fence(_ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        var pos = bMarks[startLine] + tShift[startLine]
        var max = eMarks[startLine]
        guard sCount[startLine] - blkIndent < 4, pos + 3 <= max else { return false }
        let marker = src[pos]
        guard marker == 0x7E || marker == 0x60 else { return false }
        var mem = pos
        pos = skipChars(pos, marker)
        let length = pos - mem
        guard length >= 3 else { return false }
        let params = src[pos..<max]
        if marker == 0x60, params.contains(0x60) { return false }
        if silent { return true }
        var next = startLine
        var haveEndMarker = false
        while true {
            next += 1
            if next >= endLine { break }
            pos = bMarks[next] + tShift[next]
            mem = pos
            max = eMarks[next]
            if pos < max, sCount[next] < blkIndent { break }
            if at(pos) != marker || sCount[next] - blkIndent >= 4 { continue }
            pos = skipChars(pos, marker)
            if pos - mem < length { continue }
            pos = skipSpaces(pos)
            if pos < max { continue }
            haveEndMarker = true
            break
        }
        line = next + (haveEndMarker ? 1 : 0)
        let token = push(.fence, "code", 0)
        tokens[token].info = String(decoding: params, as: UTF8.self)
        tokens[token].content = lines(startLine + 1, next, indent: sCount[startLine], keepLastLF: true)
        return true
    }

    /// Thematic break: three or more `*`, `-` or `_`.
    func hr(_ startLine: Int, silent: Bool) -> Bool {
        let max = eMarks[startLine]
        guard sCount[startLine] - blkIndent < 4 else { return false }
        var pos = bMarks[startLine] + tShift[startLine]
        let marker = at(pos)
        guard marker == 0x2A || marker == 0x2D || marker == 0x5F else { return false }
        pos += 1
        var count = 1
        while pos < max {
            let byte = src[pos]
            pos += 1
            if byte != marker && !MarkdownText.isSpace(byte) { return false }
            if byte == marker { count += 1 }
        }
        guard count >= 3 else { return false }
        if silent { return true }
        line = startLine + 1
        push(.tag, "hr", 0)
        return true
    }

    /// ATX heading `#`…`######`.
    func heading(_ startLine: Int, silent: Bool) -> Bool {
        var pos = bMarks[startLine] + tShift[startLine]
        var max = eMarks[startLine]
        guard sCount[startLine] - blkIndent < 4, pos < max, src[pos] == 0x23 else { return false }
        var depth = 1
        pos += 1
        while pos < max, src[pos] == 0x23, depth <= 6 {
            depth += 1
            pos += 1
        }
        if depth > 6 || (pos < max && !MarkdownText.isSpace(src[pos])) { return false }
        if silent { return true }
        max = skipSpacesBack(max, min: pos)
        let trailing = skipCharsBack(max, 0x23, min: pos)
        if trailing > pos, MarkdownText.isSpace(src[trailing - 1]) { max = trailing }
        line = startLine + 1
        push(.tag, "h\(depth)", 1)
        let inline = push(.inline, "", 0)
        tokens[inline].content = MarkdownText.trim(src[pos..<Swift.max(pos, max)])
        push(.tag, "h\(depth)", -1)
        return true
    }

    /// Setext heading: paragraph lines underlined with `=` or `-`.
    func lheading(_ startLine: Int, _ endLine: Int) -> Bool {
        guard sCount[startLine] - blkIndent < 4 else { return false }
        let oldParent = parent
        parent = .paragraph
        defer { parent = oldParent }
        var depth = 0
        var next = startLine + 1
        scan: while next < endLine, !isEmpty(next) {
            if sCount[next] - blkIndent <= 3 {
                if sCount[next] >= blkIndent {
                    var pos = bMarks[next] + tShift[next]
                    let max = eMarks[next]
                    if pos < max, src[pos] == 0x2D || src[pos] == 0x3D {
                        let marker = src[pos]
                        pos = skipSpaces(skipChars(pos, marker))
                        if pos >= max {
                            depth = marker == 0x3D ? 1 : 2
                            break scan
                        }
                    }
                }
                if sCount[next] >= 0, terminates(Self.paragraphTerminators, next, endLine) { break }
            }
            next += 1
        }
        guard depth > 0 else { return false }
        let content = MarkdownText.trim(lines(startLine, next, indent: blkIndent, keepLastLF: false))
        line = next + 1
        push(.tag, "h\(depth)", 1)
        let inline = push(.inline, "", 0)
        tokens[inline].content = content
        push(.tag, "h\(depth)", -1)
        return true
    }

    /// Paragraph: lines up to an empty line or a block that may interrupt it.
    func paragraph(_ startLine: Int, _ endLine: Int) -> Bool {
        let oldParent = parent
        parent = .paragraph
        var next = startLine + 1
        while next < endLine, !isEmpty(next) {
            if sCount[next] - blkIndent <= 3, sCount[next] >= 0,
               terminates(Self.paragraphTerminators, next, endLine) { break }
            next += 1
        }
        line = next
        pushParagraph(MarkdownText.trim(lines(startLine, next, indent: blkIndent, keepLastLF: false)))
        parent = oldParent
        return true
    }
}
