/// markdown-it's `StateBlock`: the source split into lines with per-line indentation that
/// container rules (blockquotes, list items) temporarily rewrite.
final class MarkdownBlockState {
    /// Which container a rule runs in (used by lists interrupting paragraphs).
    enum Parent { case root, blockquote, list, paragraph, table }

    let src: [UInt8]
    var tokens: [MarkdownToken] = []
    /// Line start offsets.
    var bMarks: [Int] = []
    /// Line end offsets (the position of the `\n`).
    var eMarks: [Int] = []
    /// Offset of the first non-space character from `bMarks`.
    var tShift: [Int] = []
    /// Indentation of the first non-space character, tabs expanded.
    var sCount: [Int] = []
    /// Virtual columns consumed by container markers before `bMarks`.
    var bsCount: [Int] = []
    var blkIndent = 0
    var line = 0
    var lineMax = 0
    var tight = false
    var listIndent = -1
    var parent = Parent.root
    var level = 0

    init(_ src: [UInt8]) {
        self.src = src
        var start = 0, indent = 0, offset = 0, indentFound = false
        var pos = 0
        while pos < src.count {
            let byte = src[pos]
            if !indentFound {
                if MarkdownText.isSpace(byte) {
                    indent += 1
                    offset += byte == 0x09 ? 4 - offset % 4 : 1
                    pos += 1
                    continue
                }
                indentFound = true
            }
            if byte == 0x0A || pos == src.count - 1 {
                if byte != 0x0A { pos += 1 }
                bMarks.append(start); eMarks.append(pos); tShift.append(indent)
                sCount.append(offset); bsCount.append(0)
                indentFound = false; indent = 0; offset = 0
                start = pos + 1
            }
            pos += 1
        }
        bMarks.append(src.count); eMarks.append(src.count); tShift.append(0)
        sCount.append(0); bsCount.append(0)
        lineMax = bMarks.count - 1
    }

    /// The byte at `pos`, or 0 past the end (NUL never occurs after normalisation).
    @inline(__always) func at(_ pos: Int) -> UInt8 { pos >= 0 && pos < src.count ? src[pos] : 0 }

    /// Appends a block token, tracking the nesting level.
    @discardableResult
    func push(_ type: MarkdownTokenType, _ tag: String, _ nesting: Int) -> Int {
        var token = MarkdownToken(type, tag, nesting)
        token.block = true
        if nesting < 0 { level -= 1 }
        token.level = level
        if nesting > 0 { level += 1 }
        tokens.append(token)
        return tokens.count - 1
    }

    func isEmpty(_ line: Int) -> Bool { bMarks[line] + tShift[line] >= eMarks[line] }

    func skipEmptyLines(_ from: Int) -> Int {
        var line = from
        while line < lineMax, isEmpty(line) { line += 1 }
        return line
    }

    func skipSpaces(_ from: Int) -> Int {
        var pos = from
        while pos < src.count, MarkdownText.isSpace(src[pos]) { pos += 1 }
        return pos
    }

    func skipChars(_ from: Int, _ code: UInt8) -> Int {
        var pos = from
        while pos < src.count, src[pos] == code { pos += 1 }
        return pos
    }

    func skipSpacesBack(_ from: Int, min: Int) -> Int {
        var pos = from
        while pos > min {
            pos -= 1
            if !MarkdownText.isSpace(src[pos]) { return pos + 1 }
        }
        return pos
    }

    func skipCharsBack(_ from: Int, _ code: UInt8, min: Int) -> Int {
        var pos = from
        while pos > min {
            pos -= 1
            if src[pos] != code { return pos + 1 }
        }
        return pos
    }

    /// `getLines`: the text of lines `begin..<end` with `indent` columns removed.
    func lines(_ begin: Int, _ end: Int, indent: Int, keepLastLF: Bool) -> String {
        guard begin < end else { return "" }
        var out: [UInt8] = []
        for line in begin..<end {
            var lineIndent = 0
            let lineStart = bMarks[line]
            var first = lineStart
            let last = Swift.min(line + 1 < end || keepLastLF ? eMarks[line] + 1 : eMarks[line], src.count)
            while first < last, lineIndent < indent {
                let byte = src[first]
                if MarkdownText.isSpace(byte) {
                    lineIndent += byte == 0x09 ? 4 - (lineIndent + bsCount[line]) % 4 : 1
                } else if first - lineStart < tShift[line] {
                    lineIndent += 1
                } else {
                    break
                }
                first += 1
            }
            if lineIndent > indent {
                out.append(contentsOf: repeatElement(0x20, count: lineIndent - indent))
            }
            if first < last { out.append(contentsOf: src[first..<last]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line's text after its indentation.
    func lineText(_ line: Int) -> ArraySlice<UInt8> {
        let start = bMarks[line] + tShift[line]
        return start < eMarks[line] ? src[start..<eMarks[line]] : []
    }
}
