/// Link destinations and titles: parsing, `normalizeLink` (percent-encoding like mdurl),
/// `validateLink` (no `javascript:` & co.) and `normalizeLinkText`.
enum MarkdownLinks {
    private static let unencoded: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789;/?:@&=+$,-_.!~*'()#".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func isHex(_ byte: UInt8) -> Bool {
        MarkdownText.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        MarkdownText.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }

    /// `normalizeLink`: percent-encodes everything outside the URL-safe set, keeping valid `%XX`.
    static func normalize(_ url: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(url.count)
        var index = 0
        while index < url.count {
            let byte = url[index]
            if byte == 0x25, index + 2 < url.count, isHex(url[index + 1]), isHex(url[index + 2]) {
                out.append(contentsOf: url[index...(index + 2)])
                index += 3
                continue
            }
            if byte < 0x80, unencoded[Int(byte)] {
                out.append(byte)
            } else {
                out.append(contentsOf: [0x25, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `validateLink`: rejects `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs.
    static func isValid(_ url: String) -> Bool {
        let lowered = MarkdownText.trim(url).lowercased()
        let bad = ["vbscript:", "javascript:", "file:", "data:"].contains { lowered.hasPrefix($0) }
        guard bad else { return true }
        return ["data:image/gif;", "data:image/png;", "data:image/jpeg;", "data:image/webp;"]
            .contains { lowered.hasPrefix($0) }
    }

    /// `normalizeLinkText`: decodes `%XX` sequences except reserved characters and `%`.
    static func normalizeText(_ url: [UInt8]) -> String {
        let reserved = Set(";/?:@&=+$,#%".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < url.count {
            var decoded: [UInt8] = []
            var cursor = index
            while cursor + 2 < url.count, url[cursor] == 0x25, isHex(url[cursor + 1]), isHex(url[cursor + 2]) {
                decoded.append(hexValue(url[cursor + 1]) << 4 | hexValue(url[cursor + 2]))
                cursor += 3
            }
            if decoded.isEmpty {
                out.append(url[index])
                index += 1
                continue
            }
            var valid = String(validating: decoded, as: UTF8.self) != nil
            if valid, decoded.contains(where: { $0 < 0x80 && (reserved.contains($0) || $0 < 0x20) }) { valid = false }
            out.append(contentsOf: valid ? decoded : Array(url[index..<cursor]))
            index = cursor
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `<scheme:rest>` with a 2–32 character scheme and no spaces, `<` or `>`.
    static func isAutolinkURL(_ url: [UInt8]) -> Bool {
        guard let colon = url.firstIndex(of: 0x3A), colon >= 2, colon <= 32, MarkdownText.isLetter(url[0]) else {
            return false
        }
        let schemeOK = url[1..<colon].allSatisfy {
            MarkdownText.isAlphanumeric($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D
        }
        return schemeOK && url[(colon + 1)...].allSatisfy { $0 > 0x20 && $0 != 0x3C && $0 != 0x3E }
    }

    /// `<user@example.com>` (the CommonMark e-mail autolink grammar).
    static func isAutolinkEmail(_ url: [UInt8]) -> Bool {
        guard let at = url.firstIndex(of: 0x40), at > 0 else { return false }
        let localOK = url[..<at].allSatisfy { MarkdownText.isAlphanumeric($0) || Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains($0) }
        guard localOK else { return false }
        let labels = url[(at + 1)...].split(separator: 0x2E, omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            label.count >= 1 && label.count <= 63 && MarkdownText.isAlphanumeric(label.first!)
                && MarkdownText.isAlphanumeric(label.last!)
                && label.allSatisfy { MarkdownText.isAlphanumeric($0) || $0 == 0x2D }
        }
    }

    /// `parseLinkDestination`: `<…>` or a run without spaces and with balanced parentheses.
    static func destination(_ src: [UInt8], _ start: Int, _ max: Int) -> (text: String, end: Int)? {
        var pos = start
        if pos < max, src[pos] == 0x3C {
            pos += 1
            while pos < max {
                let byte = src[pos]
                if byte == 0x0A || byte == 0x3C { return nil }
                if byte == 0x3E { return (MarkdownText.unescapeAll(Array(src[(start + 1)..<pos])), pos + 1) }
                pos += byte == 0x5C && pos + 1 < max ? 2 : 1
            }
            return nil
        }
        var level = 0
        while pos < max {
            let byte = src[pos]
            if byte == 0x20 || byte < 0x20 || byte == 0x7F { break }
            if byte == 0x5C, pos + 1 < max {
                if src[pos + 1] == 0x20 { break }
                pos += 2
                continue
            }
            if byte == 0x28 {
                level += 1
                if level > 32 { return nil }
            }
            if byte == 0x29 {
                if level == 0 { break }
                level -= 1
            }
            pos += 1
        }
        guard pos > start, level == 0 else { return nil }
        return (MarkdownText.unescapeAll(Array(src[start..<pos])), pos)
    }

    /// `parseLinkTitle`: `"…"`, `'…'` or `(…)`.
    static func title(_ src: [UInt8], _ start: Int, _ max: Int) -> (text: String, end: Int)? {
        guard start < max else { return nil }
        var marker = src[start]
        guard marker == 0x22 || marker == 0x27 || marker == 0x28 else { return nil }
        if marker == 0x28 { marker = 0x29 }
        var pos = start + 1
        while pos < max {
            let byte = src[pos]
            if byte == marker { return (MarkdownText.unescapeAll(Array(src[(start + 1)..<pos])), pos + 1) }
            if byte == 0x28, marker == 0x29 { return nil }
            if byte == 0x5C, pos + 1 < max { pos += 1 }
            pos += 1
        }
        return nil
    }
}
