/// Writes JSON string literals (RFC 8259) straight into a byte buffer, for log lines and
/// hand-built JSON bodies.
public enum JSONString {
    /// Appends `s` in double quotes, escaping `"`, `\` and every control character below
    /// U+0020 (`\b`, `\f`, `\n`, `\r`, `\t` short, the rest as `\u00xx`, as PHP and Python do).
    /// Other characters pass as UTF-8.
    public static func append(_ s: String, to buffer: inout [UInt8]) {
        buffer.append(quote)
        var s = s
        s.withUTF8 { bytes in
            var start = 0  // first byte not yet copied
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscaped(byte, to: &buffer)
                start = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        buffer.append(quote)
    }

    private static let quote: UInt8 = 0x22
    private static let backslash: UInt8 = 0x5C
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscaped(_ byte: UInt8, to buffer: inout [UInt8]) {
        buffer.append(backslash)
        switch byte {
        case quote, backslash: buffer.append(byte)
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        default:
            buffer.append(contentsOf: "u00".utf8)
            buffer.append(hexDigits[Int(byte >> 4)])
            buffer.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
