/// A header value of the form `type; name=value; name="quoted \"value\""` (RFC 9110 §5.6.6),
/// as `Content-Type` and `Content-Disposition` use it. Names are lowercased; values are
/// unquoted. Inside a quoted string a backslash escapes only `"` and `\`; any other backslash
/// is kept as written, so old browsers' unescaped Windows paths (`"C:\x\a.pdf"`) survive.
struct HeaderParameters {
    /// The leading token (media type or disposition type), lowercased.
    let type: String
    /// The parameters in order.
    let parameters: [(name: String, value: String)]

    /// Parses `text`; nil when the type is not a token (a media type may contain one `/`) or a
    /// parameter is not `token = (token / quoted-string)`. Empty parameters (`;;`) are skipped.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func skipSpace() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        func token() -> String? {
            let start = index
            while index < bytes.count, Self.isTokenByte(bytes[index]) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        skipSpace()
        guard var type = token() else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            index += 1
            guard let subtype = token() else { return nil }
            type += "/" + subtype
        }
        var parameters: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ";") else { return nil }
            index += 1
            skipSpace()
            if index == bytes.count || bytes[index] == UInt8(ascii: ";") { continue }
            guard let name = token() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                guard let (value, end) = Self.quoted(bytes, from: index) else { return nil }
                parameters.append((name.lowercased(), value))
                index = end
            } else {
                guard let value = token() else { return nil }
                parameters.append((name.lowercased(), value))
            }
        }
        self.type = type.lowercased()
        self.parameters = parameters
    }

    /// Every value of parameter `name` (lowercase), in order.
    func values(_ name: String) -> [String] { parameters.filter { $0.name == name }.map(\.value) }

    /// The unescaped content of the quoted string starting at `start` and the index after it.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var out: [UInt8] = []
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                return (String(decoding: out, as: UTF8.self), index + 1)
            case UInt8(ascii: "\\") where index + 1 < bytes.count
                && (bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\")):
                out.append(bytes[index + 1])
                index += 2
            case 0x00..<0x20 where byte != 0x09, 0x7F:
                return nil
            default:
                out.append(byte)
                index += 1
            }
        }
        return nil
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E...0x60, 0x7C, 0x7E:   // !#$%&'*+-.^_`|~
            true
        default:
            false
        }
    }
}
