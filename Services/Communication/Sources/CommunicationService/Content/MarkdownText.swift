/// Character classes, HTML escaping and unescaping shared by the Markdown scanners
/// (markdown-it's `common/utils`).
enum MarkdownText {
    /// `escapeHtml`: `&`, `<`, `>` and `"` become entities.
    static func escapeHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A space or a tab (`isSpace`).
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// ASCII punctuation that a backslash can escape.
    static func isASCIIPunct(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// markdown-it's `isWhiteSpace` (Zs and the ASCII controls `\t`…`\r`).
    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        if scalar >= 0x2000 && scalar <= 0x200A { return true }
        switch scalar {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// markdown-it-py's `isPunctChar`: Unicode categories P* and S* (plus ASCII punctuation).
    static func isPunct(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIPunct(UInt8(scalar)) }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The characters JavaScript's `trim` removes (markdown-it-py's `MD_TRIM_CHARS`).
    static func isTrimSpace(_ scalar: Unicode.Scalar) -> Bool {
        isWhiteSpace(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `String.prototype.trim`.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimSpace($0) }),
              let last = scalars.lastIndex(where: { !isTrimSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// `trim` on UTF-8 bytes.
    static func trim(_ bytes: ArraySlice<UInt8>) -> String {
        trim(String(decoding: bytes, as: UTF8.self))
    }

    /// `unescapeAll`: backslash escapes of ASCII punctuation and entity references.
    static func unescapeAll(_ bytes: [UInt8]) -> String {
        guard bytes.contains(where: { $0 == 0x5C || $0 == 0x26 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pos = 0
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == 0x5C, pos + 1 < bytes.count, isASCIIPunct(bytes[pos + 1]) {
                out.append(bytes[pos + 1])
                pos += 2
            } else if byte == 0x26, let (decoded, length) = entity(bytes, at: pos, max: bytes.count) {
                out.append(contentsOf: decoded.utf8)
                pos += length
            } else {
                out.append(byte)
                pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an entity reference at `pos` (which holds `&`): `&#123;`, `&#x1F;`, `&name;`.
    /// Returns the decoded text and the reference's length, or nil when it is not one.
    static func entity(_ src: [UInt8], at pos: Int, max: Int) -> (String, Int)? {
        var cursor = pos + 1
        guard cursor < max else { return nil }
        if src[cursor] == 0x23 {
            cursor += 1
            let hex = cursor < max && (src[cursor] | 0x20) == 0x78
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < max, cursor - digitsStart < (hex ? 6 : 7), let digit = digitValue(src[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < max, src[cursor] == 0x3B else { return nil }
            let text = isValidEntityCode(value) ? String(Unicode.Scalar(value)!) : "\u{FFFD}"
            return (text, cursor + 1 - pos)
        }
        let nameStart = cursor
        while cursor < max, cursor - nameStart < 32, isAlphanumeric(src[cursor]) { cursor += 1 }
        guard cursor - nameStart >= 2, isLetter(src[nameStart]), cursor < max, src[cursor] == 0x3B else { return nil }
        let name = String(decoding: src[nameStart..<cursor], as: UTF8.self)
        guard let decoded = MarkdownEntities.named[name] else { return nil }
        return (decoded, cursor + 1 - pos)
    }

    /// `isValidEntityCode`.
    static func isValidEntityCode(_ code: UInt32) -> Bool {
        if code >= 0xD800 && code <= 0xDFFF { return false }
        if code >= 0xFDD0 && code <= 0xFDEF { return false }
        if code & 0xFFFF == 0xFFFF || code & 0xFFFF == 0xFFFE { return false }
        if code <= 0x08 || code == 0x0B || (code >= 0x0E && code <= 0x1F) { return false }
        if code >= 0x7F && code <= 0x9F { return false }
        return code <= 0x10FFFF
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        if hex, lower >= 0x61, lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    /// The Unicode scalar that ends just before `pos` (U+0020 at the start).
    static func scalar(before pos: Int, in src: [UInt8]) -> UInt32 {
        guard pos > 0 else { return 0x20 }
        var start = pos - 1
        while start > 0, src[start] & 0xC0 == 0x80, pos - start < 4 { start -= 1 }
        return decodeScalar(src, at: start)
    }

    /// The Unicode scalar that starts at `pos` (U+0020 at or after `max`).
    static func scalar(at pos: Int, in src: [UInt8], max: Int) -> UInt32 {
        pos < max ? decodeScalar(src, at: pos) : 0x20
    }

    private static func decodeScalar(_ src: [UInt8], at pos: Int) -> UInt32 {
        var iterator = src[pos...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.value }
        return 0xFFFD
    }
}
