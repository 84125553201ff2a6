/// RFC 3986 percent-encoding for values placed into URLs built by the services.
public enum PercentEncoding {
    /// `text` with every UTF-8 byte outside the unreserved characters `A–Z a–z 0–9 - . _ ~`
    /// (and the bytes in `keeping`) as `%XX` (upper-case hex): `&`, `=`, `#`, `?`, `/`, `+`,
    /// space and non-ASCII all become escapes, so a value can never change a URL's structure.
    public static func encode(_ text: some StringProtocol, keeping: Set<UInt8> = []) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || keeping.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `A–Z a–z 0–9 - . _ ~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
