/// §5.1 step 1: turns bare `http://` / `https://` URLs in Markdown into `[url](url)` links.
///
/// URLs already in link syntax are left alone: inline links `[text](url)` (label and
/// destination), autolinks `<url>`, code spans, and URLs preceded by `[`, `(`, `<` or an
/// HTML attribute quote. A URL is the scheme plus non-whitespace characters other than
/// `<`, `>` and `"`; trailing `.`, `,`, `:`, `;`, `!`, `?`, `*` and an unbalanced `)` stay
/// outside the link.
enum URLLinker {
    /// Rewrites the bare URLs of `markdown`.
    static func linkBareURLs(_ markdown: String) -> String {
        guard markdown.contains("http://") || markdown.contains("https://") else { return markdown }
        let chars = Array(markdown.unicodeScalars)
        let protected = protectedRanges(chars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < chars.count {
            if let end = protected[index] {
                out.append(contentsOf: chars[index..<end])
                index = end
                continue
            }
            if let end = urlEnd(chars, index) {
                let url = String(String.UnicodeScalarView(chars[index..<end]))
                out.append(contentsOf: "[\(url)](\(url))".unicodeScalars)
                index = end
                continue
            }
            out.append(chars[index])
            index += 1
        }
        return String(out)
    }

    /// Start index → end index of spans that must not be touched.
    private static func protectedRanges(_ chars: [Unicode.Scalar]) -> [Int: Int] {
        var ranges: [Int: Int] = [:]
        let closingBracket = matches(chars, open: "[", close: "]")
        let closingParen = matches(chars, open: "(", close: ")")
        var runsByLength: [Int: [Int]] = [:]
        var index = 0
        while index < chars.count {
            guard chars[index] == "`" else { index += 1; continue }
            var end = index
            while end < chars.count, chars[end] == "`" { end += 1 }
            runsByLength[end - index, default: []].append(index)
            index = end
        }
        index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "`" {
                var end = index
                while end < chars.count, chars[end] == "`" { end += 1 }
                if let next = firstGreater(runsByLength[end - index] ?? [], than: index) {
                    ranges[index] = next + (end - index)
                    index = next + (end - index)
                } else {
                    index = end
                }
                continue
            }
            if char == "[", let close = closingBracket[index], close + 1 < chars.count, chars[close + 1] == "(",
               let paren = closingParen[close + 1] {
                ranges[index] = paren + 1
                index = paren + 1
                continue
            }
            if char == "<" {
                var end = index + 1
                while end < chars.count, chars[end] != ">", chars[end] != "<", !chars[end].properties.isWhitespace { end += 1 }
                if end < chars.count, chars[end] == ">" {
                    ranges[index] = end + 1
                    index = end + 1
                    continue
                }
            }
            index += 1
        }
        return ranges
    }

    /// The first element of the sorted `values` greater than `value` (binary search).
    private static func firstGreater(_ values: [Int], than value: Int) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] > value { high = mid } else { low = mid + 1 }
        }
        return low < values.count ? values[low] : nil
    }

    /// Matching closer positions for each opener (stack-based, linear).
    private static func matches(_ chars: [Unicode.Scalar], open: Unicode.Scalar, close: Unicode.Scalar) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var stack: [Int] = []
        for (index, char) in chars.enumerated() {
            if char == open {
                stack.append(index)
            } else if char == close, let opener = stack.popLast() {
                result[opener] = index
            }
        }
        return result
    }

    private static func hasPrefix(_ chars: [Unicode.Scalar], _ index: Int, _ prefix: String) -> Bool {
        var cursor = index
        for scalar in prefix.unicodeScalars {
            guard cursor < chars.count, chars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    /// The end of a bare URL starting at `index`, or nil if none starts there.
    private static func urlEnd(_ chars: [Unicode.Scalar], _ index: Int) -> Int? {
        guard chars[index] == "h" else { return nil }
        let schemeLength: Int
        if hasPrefix(chars, index, "https://") { schemeLength = 8 }
        else if hasPrefix(chars, index, "http://") { schemeLength = 7 }
        else { return nil }
        if index > 0, "[(<\"'=/".unicodeScalars.contains(chars[index - 1]) { return nil }
        var end = index + schemeLength
        while end < chars.count, !chars[end].properties.isWhitespace, !"<>\"".unicodeScalars.contains(chars[end]) {
            end += 1
        }
        let openParens = chars[index..<end].filter { $0 == "(" }.count
        var closeParens = chars[index..<end].filter { $0 == ")" }.count
        while end > index + schemeLength {
            let last = chars[end - 1]
            if ".,:;!?*".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                guard closeParens > openParens else { break }
                closeParens -= 1
                end -= 1
            } else {
                break
            }
        }
        return end > index + schemeLength ? end : nil
    }
}
