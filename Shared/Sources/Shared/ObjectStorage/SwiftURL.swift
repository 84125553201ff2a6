/// Builds the URLs of the Swift API: each path segment percent-encoded (RFC 3986 unreserved
/// characters kept, UTF-8 bytes as `%XX`), `/` kept between the segments of an object name.
enum SwiftURL {
    /// `<storageURL>/<container>` or `<storageURL>/<container>/<name>`.
    static func object(_ storageURL: String, container: String, name: String? = nil) -> String {
        var url = storageURL + "/" + encode(container, keeping: [])
        if let name {
            url += "/" + name.split(separator: "/", omittingEmptySubsequences: false)
                .map { encode($0, keeping: []) }.joined(separator: "/")
        }
        return url
    }

    /// `name=value&…` with names and values encoded; `/` stays readable (`prefix=registrations/`).
    static func query(_ items: [(String, String)]) -> String {
        items.map { encode($0.0, keeping: []) + "=" + encode($0.1, keeping: [UInt8(ascii: "/")]) }
            .joined(separator: "&")
    }

    /// `text` with every byte outside `A–Z a–z 0–9 - . _ ~` (and `keeping`) as `%XX`.
    static func encode(_ text: some StringProtocol, keeping: Set<UInt8>) -> String {
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

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
