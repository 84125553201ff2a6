/// A parsed `http://host[:port][/path][?query][#fragment]` URL: where to connect and what goes
/// into the request line and `Host`. Parsed by hand and strictly, so nothing a caller passes can
/// inject whitespace or control bytes into the request head.
struct ClientURL: Sendable, Equatable {
    /// The host to connect to (an IPv6 literal without brackets).
    let host: String
    /// The TCP port (default 80).
    let port: Int
    /// The `Host` header value: the authority as written, `:port` omitted when it is 80.
    let hostHeader: String
    /// The origin-form request target: path plus query, `/` when empty; fragment dropped.
    let target: String

    /// `host:port` for pool keys and error messages (IPv6 in brackets).
    var endpoint: String { "\(bracketedHost):\(port)" }
    private var bracketedHost: String { host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host }

    /// Parses `text`; nil unless it is a valid plain-http URL.
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        let scheme = Array("http://".utf8)
        guard bytes.count > scheme.count,
              zip(bytes, scheme).allSatisfy({ lowercasedASCII($0) == $1 }) else { return nil }
        var cursor = scheme.count
        while cursor < bytes.count, !Self.endsAuthority(bytes[cursor]) { cursor += 1 }
        guard let (host, port) = Self.parseAuthority(bytes[scheme.count..<cursor]) else { return nil }
        var rest = bytes[cursor...]
        if let fragment = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<fragment] }
        guard rest.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let path = String(decoding: rest, as: UTF8.self)
        self.host = host
        self.port = port
        self.target = rest.first == UInt8(ascii: "/") ? path : "/" + path
        let authority = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
        self.hostHeader = port == 80 ? authority : "\(authority):\(port)"
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    /// `host[:port]` or `[ipv6][:port]`; userinfo, empty hosts and odd bytes are rejected.
    private static func parseAuthority(_ authority: ArraySlice<UInt8>) -> (String, Int)? {
        guard let first = authority.first else { return nil }
        var hostBytes: ArraySlice<UInt8>
        var portBytes: ArraySlice<UInt8>?
        if first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            hostBytes = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if let colon = after.first {
                guard colon == UInt8(ascii: ":") else { return nil }
                portBytes = after.dropFirst()
            }
            guard hostBytes.contains(UInt8(ascii: ":")), hostBytes.allSatisfy(isIPv6Byte) else { return nil }
        } else {
            if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
                hostBytes = authority[..<colon]
                portBytes = authority[(colon + 1)...]
            } else {
                hostBytes = authority
            }
            guard hostBytes.allSatisfy(isHostByte) else { return nil }
        }
        guard !hostBytes.isEmpty else { return nil }
        var port = 80
        if let portBytes {
            guard let parsed = parsePort(portBytes) else { return nil }
            port = parsed
        }
        return (String(decoding: hostBytes, as: UTF8.self), port)
    }

    private static func parsePort(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard (1...5).contains(bytes.count) else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return (1...65535).contains(value) ? value : nil
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    private static func isIPv6Byte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) && lowercasedASCII(byte) <= UInt8(ascii: "f")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (lowercasedASCII(byte) >= UInt8(ascii: "a")
            && lowercasedASCII(byte) <= UInt8(ascii: "z"))
    }
}
