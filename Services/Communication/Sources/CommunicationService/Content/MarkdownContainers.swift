/// The container block rules: blockquotes and lists. Both rewrite the line offsets of the
/// lines they own, tokenize them recursively and restore the offsets afterwards.
extension MarkdownBlockState {
    /// `>` blockquote, including lazy continuation lines.
    func blockquote(_ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        guard sCount[startLine] - blkIndent < 4, at(bMarks[startLine] + tShift[startLine]) == 0x3E else { return false }
        if silent { return true }
        let oldLineMax = lineMax
        var saved: [(b: Int, bs: Int, s: Int, t: Int)] = []
        let oldParent = parent
        parent = .blockquote
        var lastLineEmpty = false
        var next = startLine
        while next < endLine {
            let isOutdented = sCount[next] < blkIndent
            var pos = bMarks[next] + tShift[next]
            let max = eMarks[next]
            if pos >= max { break }
            let save = (b: bMarks[next], bs: bsCount[next], s: sCount[next], t: tShift[next])
            if src[pos] == 0x3E, !isOutdented {
                pos += 1
                var initial = sCount[next] + 1
                var spaceAfterMarker = false
                var adjustTab = false
                if at(pos) == 0x20 {
                    pos += 1; initial += 1; spaceAfterMarker = true
                } else if at(pos) == 0x09 {
                    spaceAfterMarker = true
                    if (bsCount[next] + initial) % 4 == 3 { pos += 1; initial += 1 } else { adjustTab = true }
                }
                var offset = initial
                saved.append(save)
                bMarks[next] = pos
                while pos < max, MarkdownText.isSpace(src[pos]) {
                    offset += src[pos] == 0x09 ? 4 - (offset + bsCount[next] + (adjustTab ? 1 : 0)) % 4 : 1
                    pos += 1
                }
                lastLineEmpty = pos >= max
                bsCount[next] = sCount[next] + 1 + (spaceAfterMarker ? 1 : 0)
                sCount[next] = offset - initial
                tShift[next] = pos - bMarks[next]
                next += 1
                continue
            }
            if lastLineEmpty { break }
            if terminates(Self.blockquoteTerminators, next, endLine) {
                lineMax = next
                if blkIndent != 0 {
                    saved.append(save)
                    sCount[next] -= blkIndent
                }
                break
            }
            saved.append(save)
            sCount[next] = -1  // lazy paragraph continuation
            next += 1
        }
        let oldIndent = blkIndent
        blkIndent = 0
        push(.tag, "blockquote", 1)
        tokenize(from: startLine, to: next)
        push(.tag, "blockquote", -1)
        lineMax = oldLineMax
        parent = oldParent
        for (offset, value) in saved.enumerated() {
            bMarks[startLine + offset] = value.b
            tShift[startLine + offset] = value.t
            sCount[startLine + offset] = value.s
            bsCount[startLine + offset] = value.bs
        }
        blkIndent = oldIndent
        return true
    }

    /// Position after a `*`, `-` or `+` marker, or -1.
    func bulletMarkerEnd(_ line: Int) -> Int {
        var pos = bMarks[line] + tShift[line]
        let marker = at(pos)
        guard marker == 0x2A || marker == 0x2D || marker == 0x2B else { return -1 }
        pos += 1
        if pos < eMarks[line], !MarkdownText.isSpace(src[pos]) { return -1 }
        return pos
    }

    /// Position after a `1.` / `1)` marker (at most 9 digits), or -1.
    func orderedMarkerEnd(_ line: Int) -> Int {
        let start = bMarks[line] + tShift[line]
        let max = eMarks[line]
        var pos = start
        guard pos + 1 < max, MarkdownText.isDigit(src[pos]) else { return -1 }
        pos += 1
        while true {
            guard pos < max else { return -1 }
            let byte = src[pos]
            pos += 1
            if MarkdownText.isDigit(byte) {
                if pos - start >= 10 { return -1 }
                continue
            }
            if byte == 0x29 || byte == 0x2E { break }
            return -1
        }
        if pos < max, !MarkdownText.isSpace(src[pos]) { return -1 }
        return pos
    }

    /// Bullet or ordered list; loose lists keep `<p>` in their items.
    func list(_ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        var next = startLine
        guard sCount[next] - blkIndent < 4 else { return false }
        if listIndent >= 0, sCount[next] - listIndent >= 4, sCount[next] < blkIndent { return false }
        let terminatingParagraph = silent && parent == .paragraph && sCount[next] >= blkIndent
        var markerEnd = orderedMarkerEnd(next)
        let isOrdered = markerEnd >= 0
        var startValue = 1
        if isOrdered {
            let start = bMarks[next] + tShift[next]
            startValue = Int(String(decoding: src[start..<(markerEnd - 1)], as: UTF8.self)) ?? 1
            if terminatingParagraph, startValue != 1 { return false }
        } else {
            markerEnd = bulletMarkerEnd(next)
            if markerEnd < 0 { return false }
        }
        if terminatingParagraph, skipSpaces(markerEnd) >= eMarks[next] { return false }
        if silent { return true }
        let markerChar = src[markerEnd - 1]
        let listToken = tokens.count
        let listTag = isOrdered ? "ol" : "ul"
        let open = push(.tag, listTag, 1)
        if isOrdered, startValue != 1 { tokens[open].attrs = [("start", String(startValue))] }
        var tight = true
        var prevEmptyEnd = false
        let oldParent = parent
        parent = .list
        while next < endLine {
            var pos = markerEnd
            let max = eMarks[next]
            let initial = sCount[next] + markerEnd - (bMarks[next] + tShift[next])
            var offset = initial
            while pos < max, MarkdownText.isSpace(src[pos]) {
                offset += src[pos] == 0x09 ? 4 - (offset + bsCount[next]) % 4 : 1
                pos += 1
            }
            let contentStart = pos
            var indentAfterMarker = contentStart >= max ? 1 : offset - initial
            if indentAfterMarker > 4 { indentAfterMarker = 1 }
            let indent = initial + indentAfterMarker
            push(.tag, "li", 1)
            let oldTight = self.tight, oldTShift = tShift[next], oldSCount = sCount[next]
            let oldListIndent = listIndent
            listIndent = blkIndent
            blkIndent = indent
            self.tight = true
            tShift[next] = contentStart - bMarks[next]
            sCount[next] = offset
            if contentStart >= max, isEmpty(next + 1) {
                line = Swift.min(line + 2, endLine)
            } else {
                tokenize(from: next, to: endLine)
            }
            if !self.tight || prevEmptyEnd { tight = false }
            prevEmptyEnd = line - next > 1 && isEmpty(line - 1)
            blkIndent = listIndent
            listIndent = oldListIndent
            tShift[next] = oldTShift
            sCount[next] = oldSCount
            self.tight = oldTight
            push(.tag, "li", -1)
            // Guard against an item that consumed nothing (cannot happen in markdown-it).
            next = Swift.max(line, next + 1)
            line = next
            if next >= endLine || sCount[next] < blkIndent || sCount[next] - blkIndent >= 4 { break }
            if terminates(Self.listTerminators, next, endLine) { break }
            if isOrdered {
                markerEnd = orderedMarkerEnd(next)
            } else {
                markerEnd = bulletMarkerEnd(next)
            }
            if markerEnd < 0 || src[markerEnd - 1] != markerChar { break }
        }
        push(.tag, listTag, -1)
        line = next
        parent = oldParent
        if tight { markTightParagraphs(from: listToken) }
        return true
    }

    /// Hides the paragraphs directly inside the items of a tight list.
    private func markTightParagraphs(from index: Int) {
        let itemLevel = level + 2
        var cursor = index + 2
        while cursor < tokens.count - 2 {
            if tokens[cursor].level == itemLevel, tokens[cursor].type == .paragraphOpen {
                tokens[cursor].hidden = true
                tokens[cursor + 2].hidden = true
                cursor += 2
            }
            cursor += 1
        }
    }
}
