/// The `html_block` rule: the seven CommonMark kinds of raw HTML blocks.
extension MarkdownBlockState {
    /// The kind of HTML block that starts at the beginning of `text`, or nil.
    private func htmlBlockKind(_ text: [UInt8]) -> Int? {
        let end = text.count
        func nameFollowedByBoundary(_ start: Int, names: Set<String>, allowSlash: Bool) -> Bool {
            var cursor = start
            while cursor < end, MarkdownText.isAlphanumeric(text[cursor]) { cursor += 1 }
            let name = String(decoding: text[start..<cursor], as: UTF8.self).lowercased()
            guard names.contains(name) else { return false }
            if cursor >= end || text[cursor] == 0x3E || MarkdownHTML.isWhitespace(text[cursor]) { return true }
            return allowSlash && MarkdownHTML.hasPrefix(text, cursor, "/>")
        }
        if nameFollowedByBoundary(1, names: ["script", "pre", "style", "textarea"], allowSlash: false) { return 1 }
        if MarkdownHTML.hasPrefix(text, 0, "<!--") { return 2 }
        if MarkdownHTML.hasPrefix(text, 0, "<?") { return 3 }
        if MarkdownHTML.hasPrefix(text, 0, "<!"), end > 2, MarkdownText.isLetter(text[2]) { return 4 }
        if MarkdownHTML.hasPrefix(text, 0, "<![CDATA[") { return 5 }
        let nameStart = end > 1 && text[1] == 0x2F ? 2 : 1
        if nameFollowedByBoundary(nameStart, names: MarkdownHTML.blockNames, allowSlash: true) { return 6 }
        if let tagEnd = MarkdownHTML.openOrCloseTag(text, 0, end),
           text[tagEnd...].allSatisfy(MarkdownHTML.isWhitespace) { return 7 }
        return nil
    }

    /// Whether `text` contains the end condition of an HTML block of `kind`.
    private func htmlBlockEnds(_ kind: Int, _ text: [UInt8]) -> Bool {
        switch kind {
        case 1:
            var pos = 0
            while let found = MarkdownHTML.find("</", in: text, from: pos, end: text.count) {
                for name in ["script", "pre", "style", "textarea"]
                where MarkdownHTML.hasPrefix(text, found + 2, name + ">", caseInsensitive: true) { return true }
                pos = found + 2
            }
            return false
        case 2: return MarkdownHTML.find("-->", in: text, from: 0, end: text.count) != nil
        case 3: return MarkdownHTML.find("?>", in: text, from: 0, end: text.count) != nil
        case 4: return text.contains(0x3E)
        case 5: return MarkdownHTML.find("]]>", in: text, from: 0, end: text.count) != nil
        default: return text.isEmpty
        }
    }

    /// Raw HTML block, passed through unchanged.
    func htmlBlock(_ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        guard sCount[startLine] - blkIndent < 4, at(bMarks[startLine] + tShift[startLine]) == 0x3C else { return false }
        let first = Array(lineText(startLine))
        guard let kind = htmlBlockKind(first) else { return false }
        if silent { return kind != 7 }
        var next = startLine + 1
        if !htmlBlockEnds(kind, first) {
            while next < endLine {
                // Blank lines end only kinds 6 and 7, so they never cut the others short.
                if sCount[next] < blkIndent, kind >= 6 || !isEmpty(next) { break }
                let text = Array(lineText(next))
                if htmlBlockEnds(kind, text) {
                    if !text.isEmpty { next += 1 }
                    break
                }
                next += 1
            }
        }
        line = next
        let token = push(.htmlBlock, "", 0)
        tokens[token].content = lines(startLine, next, indent: blkIndent, keepLastLF: true)
        return true
    }
}
