/// markdown-it's `StateInline`: the scanner state of one inline run (a paragraph's text,
/// a heading or a table cell), its token list and the emphasis delimiter stacks.
final class MarkdownInlineState {
    /// One `*`, `_` or `~~` run member waiting to be paired (markdown-it's `Delimiter`).
    struct Delimiter {
        var marker: UInt8
        var length: Int
        var token: Int
        var end = -1
        var open: Bool
        var close: Bool
    }

    let src: [UInt8]
    var pos = 0
    var posMax: Int
    var level = 0
    var tokens: [MarkdownToken] = []
    var pending: [UInt8] = []
    var delimiters: [Delimiter] = []
    /// Delimiter lists of link contents (`tokens_meta`), processed after the top level.
    var nestedDelimiters: [[Delimiter]] = []
    private var delimiterStack: [[Delimiter]] = []
    /// `skipToken` results per start position (-1: not computed).
    var cache: [Int]
    /// Closing backtick runs seen, by length (upper bounds of where a closer can be).
    var backticks: [Int: Int] = [:]
    var backticksScanned = false
    private var lastIndexCache: [String: Int] = [:]

    init(_ src: [UInt8]) {
        self.src = src
        posMax = src.count
        cache = [Int](repeating: -1, count: src.count + 1)
    }

    /// Parses inline Markdown into tokens (markdown-it's `ParserInline.parse`).
    static func parse(_ src: [UInt8]) -> [MarkdownToken] {
        let state = MarkdownInlineState(src)
        state.tokenize()
        state.finish()
        return state.tokens
    }

    @inline(__always) func at(_ index: Int) -> UInt8 { index >= 0 && index < src.count ? src[index] : 0 }

    /// The last position of `needle` in the source (-1 if absent), computed once per needle.
    func lastIndex(of needle: String) -> Int {
        if let known = lastIndexCache[needle] { return known }
        let bytes = Array(needle.utf8)
        var found = -1
        var start = src.count - bytes.count
        while start >= 0 {
            if src[start] == bytes[0], src[start..<(start + bytes.count)].elementsEqual(bytes) { found = start; break }
            start -= 1
        }
        lastIndexCache[needle] = found
        return found
    }

    /// Flushes accumulated plain text into a text token.
    func pushPending() {
        var token = MarkdownToken(.text, "", 0)
        token.content = String(decoding: pending, as: UTF8.self)
        token.level = level
        tokens.append(token)
        pending.removeAll(keepingCapacity: true)
    }

    /// Appends a token; opening tags start a fresh delimiter list (link contents).
    @discardableResult
    func push(_ type: MarkdownTokenType, _ tag: String, _ nesting: Int) -> Int {
        if !pending.isEmpty { pushPending() }
        var token = MarkdownToken(type, tag, nesting)
        if nesting < 0 {
            level -= 1
            nestedDelimiters.append(delimiters)
            delimiters = delimiterStack.popLast() ?? []
        }
        token.level = level
        if nesting > 0 {
            level += 1
            delimiterStack.append(delimiters)
            delimiters = []
        }
        tokens.append(token)
        return tokens.count - 1
    }

    /// Runs the inline rules from `pos` to `posMax`; unmatched characters become text.
    func tokenize() {
        let end = posMax
        while pos < end {
            let previous = pos
            if level < Markdown.maxNesting, runRules(silent: false), pos > previous {
                if pos >= end { break }
                continue
            }
            pos = previous
            pending.append(src[pos])
            pos += 1
        }
        if !pending.isEmpty { pushPending() }
    }

    /// Skips one token at `pos` without emitting it (used to find the end of a link label).
    func skipToken() {
        let start = pos
        let cached = cache[start]
        if cached >= 0 {
            pos = cached
            return
        }
        var matched = false
        if level < Markdown.maxNesting {
            level += 1
            matched = runRules(silent: true) && pos > start
            level -= 1
            if !matched { pos = start }
        } else {
            pos = posMax
        }
        if !matched { pos += 1 }
        cache[start] = pos
    }

    /// Tries markdown-it's inline rules in order.
    private func runRules(silent: Bool) -> Bool {
        text(silent: silent) || newline(silent: silent) || escape(silent: silent)
            || backtick(silent: silent) || strikethrough(silent: silent) || emphasis(silent: silent)
            || link(silent: silent) || image(silent: silent) || autolink(silent: silent)
            || htmlInline(silent: silent) || entity(silent: silent)
    }

    /// The post-processing rules: pair delimiters, then turn pairs into tags.
    private func finish() {
        if !pending.isEmpty { pushPending() }
        let lists = [delimiters] + nestedDelimiters
        for var list in lists {
            Self.balancePairs(&list)
            processStrikethrough(list)
            processEmphasis(list)
        }
    }

    /// `scanDelims`: length of the run at `start` and whether it may open or close.
    func scanDelimiters(_ start: Int, canSplitWord: Bool) -> (canOpen: Bool, canClose: Bool, length: Int) {
        let marker = src[start]
        let last = MarkdownText.scalar(before: start, in: src)
        var cursor = start
        while cursor < posMax, src[cursor] == marker { cursor += 1 }
        let next = MarkdownText.scalar(at: cursor, in: src, max: posMax)
        let lastPunct = MarkdownText.isPunct(last), nextPunct = MarkdownText.isPunct(next)
        let lastSpace = MarkdownText.isWhiteSpace(last), nextSpace = MarkdownText.isWhiteSpace(next)
        let leftFlanking = !nextSpace && (!nextPunct || lastSpace || lastPunct)
        let rightFlanking = !lastSpace && (!lastPunct || nextSpace || nextPunct)
        let canOpen = leftFlanking && (canSplitWord || !rightFlanking || lastPunct)
        let canClose = rightFlanking && (canSplitWord || !leftFlanking || nextPunct)
        return (canOpen, canClose, cursor - start)
    }
}
