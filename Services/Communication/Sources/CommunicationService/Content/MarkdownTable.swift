/// The GFM `table` rule as markdown-it implements it: a header row, a delimiter row whose
/// colons set `style="text-align:…"`, and body rows until a blank line or another block.
extension MarkdownBlockState {
    /// Cap on cells invented for short rows (markdown-it's `MAX_AUTOCOMPLETED_CELLS`).
    private static let maxAutocompletedCells = 0x10000

    /// Splits a row on unescaped `|`; `\|` becomes `|` inside the cell.
    private static func escapedSplit(_ text: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in text {
            if byte == 0x7C {
                if escaped {
                    current.removeLast()
                    current.append(byte)
                } else {
                    result.append(current)
                    current = []
                }
            } else {
                current.append(byte)
            }
            escaped = byte == 0x5C
        }
        result.append(current)
        return result
    }

    private func rowCells(_ line: Int) -> [[UInt8]] {
        var cells = Self.escapedSplit(Array(MarkdownText.trim(lineText(line)).utf8))
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    /// The alignments of a delimiter row (`""`, `left`, `right`, `center`), or nil if it is not one.
    private func alignments(_ line: Int) -> [String]? {
        var pos = bMarks[line] + tShift[line]
        let max = eMarks[line]
        guard pos + 1 < max else { return nil }
        let first = src[pos], second = src[pos + 1]
        func allowed(_ byte: UInt8) -> Bool { byte == 0x7C || byte == 0x2D || byte == 0x3A }
        guard allowed(first), allowed(second) || MarkdownText.isSpace(second) else { return nil }
        if first == 0x2D, MarkdownText.isSpace(second) { return nil }
        pos += 2
        while pos < max {
            guard allowed(src[pos]) || MarkdownText.isSpace(src[pos]) else { return nil }
            pos += 1
        }
        let columns = lineText(line).split(separator: 0x7C, omittingEmptySubsequences: false)
        var aligns: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = Array(MarkdownText.trim(column).utf8)
            if cell.isEmpty {
                if index == 0 || index == columns.count - 1 { continue }
                return nil
            }
            let inner = cell.dropFirst(cell.first == 0x3A ? 1 : 0).dropLast(cell.count > 1 && cell.last == 0x3A ? 1 : 0)
            guard !inner.isEmpty, inner.allSatisfy({ $0 == 0x2D }) else { return nil }
            switch (cell.first == 0x3A, cell.last == 0x3A && cell.count > 1) {
            case (true, true): aligns.append("center")
            case (false, true): aligns.append("right")
            case (true, false): aligns.append("left")
            default: aligns.append("")
            }
        }
        return aligns
    }

    private func pushCell(_ tag: String, _ align: String, _ content: [UInt8]) {
        let open = push(.tag, tag, 1)
        if !align.isEmpty { tokens[open].attrs = [("style", "text-align:" + align)] }
        let inline = push(.inline, "", 0)
        tokens[inline].content = MarkdownText.trim(content[...])
        push(.tag, tag, -1)
    }

    func table(_ startLine: Int, _ endLine: Int, silent: Bool) -> Bool {
        guard startLine + 2 <= endLine else { return false }
        let delimiterLine = startLine + 1
        guard sCount[delimiterLine] >= blkIndent, sCount[delimiterLine] - blkIndent < 4,
              let aligns = alignments(delimiterLine) else { return false }
        guard lineText(startLine).contains(0x7C), sCount[startLine] - blkIndent < 4 else { return false }
        let header = rowCells(startLine)
        guard !header.isEmpty, header.count == aligns.count else { return false }
        if silent { return true }
        let oldParent = parent
        parent = .table
        push(.tag, "table", 1)
        push(.tag, "thead", 1)
        push(.tag, "tr", 1)
        for (index, cell) in header.enumerated() { pushCell("th", aligns[index], cell) }
        push(.tag, "tr", -1)
        push(.tag, "thead", -1)
        var next = startLine + 2
        var autocompleted = 0
        var bodyOpen = false
        while next < endLine {
            if sCount[next] < blkIndent || terminates(Self.blockquoteTerminators, next, endLine) { break }
            if MarkdownText.trim(lineText(next)).isEmpty || sCount[next] - blkIndent >= 4 { break }
            let cells = rowCells(next)
            autocompleted += header.count - cells.count
            if autocompleted > Self.maxAutocompletedCells { break }
            if !bodyOpen {
                push(.tag, "tbody", 1)
                bodyOpen = true
            }
            push(.tag, "tr", 1)
            for index in 0..<header.count {
                pushCell("td", aligns[index], index < cells.count ? cells[index] : [])
            }
            push(.tag, "tr", -1)
            next += 1
        }
        if bodyOpen { push(.tag, "tbody", -1) }
        push(.tag, "table", -1)
        parent = oldParent
        line = next
        return true
    }
}
