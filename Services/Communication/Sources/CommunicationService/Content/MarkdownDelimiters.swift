/// Emphasis (`*`, `_`) and strikethrough (`~~`): the tokenizers push one text token per
/// delimiter, `balancePairs` matches openers with closers (markdown-it's linear-time
/// `processDelimiters`), and the post-processors turn matched pairs into tags.
extension MarkdownInlineState {
    /// `~~` runs (only even-length parts pair up).
    func strikethrough(silent: Bool) -> Bool {
        guard !silent, src[pos] == 0x7E else { return false }
        let scanned = scanDelimiters(pos, canSplitWord: true)
        var length = scanned.length
        guard length >= 2 else { return false }
        if length % 2 == 1 {
            let token = push(.text, "", 0)
            tokens[token].content = "~"
            length -= 1
        }
        for _ in stride(from: 0, to: length, by: 2) {
            let token = push(.text, "", 0)
            tokens[token].content = "~~"
            delimiters.append(Delimiter(marker: 0x7E, length: 0, token: token, open: scanned.canOpen, close: scanned.canClose))
        }
        pos += scanned.length
        return true
    }

    /// `*` and `_` runs: one delimiter per character.
    func emphasis(silent: Bool) -> Bool {
        let marker = src[pos]
        guard !silent, marker == 0x5F || marker == 0x2A else { return false }
        let scanned = scanDelimiters(pos, canSplitWord: marker == 0x2A)
        let text = marker == 0x2A ? "*" : "_"
        for _ in 0..<scanned.length {
            let token = push(.text, "", 0)
            tokens[token].content = text
            delimiters.append(Delimiter(marker: marker, length: scanned.length, token: token,
                                        open: scanned.canOpen, close: scanned.canClose))
        }
        pos += scanned.length
        return true
    }

    /// markdown-it's `processDelimiters` (balance_pairs) with its `openersBottom` and
    /// `jumps` optimisations, which keep it linear on runs like `*_*_*_…`.
    static func balancePairs(_ delimiters: inout [Delimiter]) {
        guard !delimiters.isEmpty else { return }
        var openersBottom: [UInt8: [Int]] = [:]
        var headerIndex = 0
        var lastTokenIndex = -2
        var jumps: [Int] = []
        jumps.reserveCapacity(delimiters.count)
        for closerIndex in delimiters.indices {
            let closer = delimiters[closerIndex]
            jumps.append(0)
            if delimiters[headerIndex].marker != closer.marker || lastTokenIndex != closer.token - 1 {
                headerIndex = closerIndex
            }
            lastTokenIndex = closer.token
            guard closer.close else { continue }
            let bucket = (closer.open ? 3 : 0) + closer.length % 3
            let minOpener = openersBottom[closer.marker, default: [-1, -1, -1, -1, -1, -1]][bucket]
            var openerIndex = headerIndex - jumps[headerIndex] - 1
            var newMinOpener = openerIndex
            while openerIndex > minOpener {
                let opener = delimiters[openerIndex]
                if opener.marker == closer.marker, opener.open, opener.end < 0 {
                    var oddMatch = false
                    if opener.close || closer.open, (opener.length + closer.length) % 3 == 0,
                       opener.length % 3 != 0 || closer.length % 3 != 0 {
                        oddMatch = true
                    }
                    if !oddMatch {
                        let lastJump = openerIndex > 0 && !delimiters[openerIndex - 1].open ? jumps[openerIndex - 1] + 1 : 0
                        jumps[closerIndex] = closerIndex - openerIndex + lastJump
                        jumps[openerIndex] = lastJump
                        delimiters[closerIndex].open = false
                        delimiters[openerIndex].end = closerIndex
                        delimiters[openerIndex].close = false
                        newMinOpener = -1
                        lastTokenIndex = -2
                        break
                    }
                }
                openerIndex -= jumps[openerIndex] + 1
            }
            if newMinOpener != -1 {
                openersBottom[closer.marker, default: [-1, -1, -1, -1, -1, -1]][bucket] = newMinOpener
            }
        }
    }

    /// Matched `~~` pairs become `<s>`; a lone `~` of an odd run moves after the closers.
    func processStrikethrough(_ delimiters: [Delimiter]) {
        var loneMarkers: [Int] = []
        for start in delimiters where start.marker == 0x7E && start.end != -1 {
            let end = delimiters[start.end]
            convert(start.token, to: "s", nesting: 1)
            convert(end.token, to: "s", nesting: -1)
            tokens[end.token].type = .strikeClose
            let before = end.token - 1
            if tokens[before].type == .text, tokens[before].content == "~" { loneMarkers.append(before) }
        }
        while let index = loneMarkers.popLast() {
            var target = index + 1
            while target < tokens.count, tokens[target].type == .strikeClose { target += 1 }
            target -= 1
            if index != target { tokens.swapAt(index, target) }
        }
    }

    /// Matched `*`/`_` pairs become `<em>`, adjacent double pairs `<strong>`.
    func processEmphasis(_ delimiters: [Delimiter]) {
        var index = delimiters.count - 1
        while index >= 0 {
            defer { index -= 1 }
            let start = delimiters[index]
            guard start.marker == 0x5F || start.marker == 0x2A, start.end != -1 else { continue }
            let end = delimiters[start.end]
            let isStrong = index > 0 && delimiters[index - 1].end == start.end + 1
                && delimiters[index - 1].marker == start.marker
                && delimiters[index - 1].token == start.token - 1
                && delimiters[start.end + 1].token == end.token + 1
            let tag = isStrong ? "strong" : "em"
            convert(start.token, to: tag, nesting: 1)
            convert(end.token, to: tag, nesting: -1)
            if isStrong {
                tokens[delimiters[index - 1].token].content = ""
                tokens[delimiters[start.end + 1].token].content = ""
                index -= 1
            }
        }
    }

    private func convert(_ index: Int, to tag: String, nesting: Int) {
        tokens[index].type = .tag
        tokens[index].tag = tag
        tokens[index].nesting = nesting
        tokens[index].content = ""
    }
}
