/// A parsed request line and header section, before the body.
struct RequestHead: Sendable {
    var method: HTTPMethod
    /// The request target in origin form (`/path?query`); absolute-form targets are reduced to it.
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var headers: HTTPHeaders
    /// The declared body length, nil when absent (and not chunked).
    var contentLength: Int?
    var chunked: Bool
    /// Whether the client allows the connection to stay open after the response.
    var keepAlive: Bool
    /// `Expect: 100-continue` was sent.
    var expectContinue: Bool

    var hasBody: Bool { chunked || (contentLength ?? 0) > 0 }
}

/// Byte classes of RFC 9110 §5.6.2 (`tchar`) and RFC 9112, as a lookup table.
enum HTTPBytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// `tchar`, minus `_`: header names with underscores are rejected (Envoy's edge default),
    /// because some stacks map `_` to `-` and that opens a header-smuggling path.
    static let token: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^`|~".utf8.contains(UInt8(byte))
        }
    }

    /// Bytes allowed in a request target: visible ASCII only (RFC 3986 characters, and a
    /// few the router rejects later); no spaces, controls or raw non-ASCII.
    @inline(__always) static func isTargetByte(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// Bytes allowed in a field value: HTAB, visible ASCII, SP and obs-text; never NUL/CR/LF/CTL.
    @inline(__always) static func isValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    @inline(__always) static func isOWS(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}
