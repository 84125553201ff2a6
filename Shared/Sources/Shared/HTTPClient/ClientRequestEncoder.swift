/// Serialises an `HTTPClientRequest` into HTTP/1.1 wire bytes, validating every token and
/// field so no caller-controlled string can smuggle CR, LF or NUL into the head.
enum ClientRequestEncoder {
    /// Framing and hop-by-hop fields the client always writes itself.
    private static let managed = ["content-length", "transfer-encoding", "connection", "host"]

    /// The head and body, and whether the connection must close afterwards.
    static func encode(
        _ request: HTTPClientRequest, url: ClientURL, userAgent: String?, requestID: String?
    ) throws(HTTPClientError) -> (bytes: [UInt8], closeAfter: Bool) {
        let invalid = { (detail: String) in HTTPClientError(.invalidRequest, endpoint: url.endpoint, detail: detail) }
        guard isToken(request.method.rawValue) else { throw invalid("method is not a token") }
        var head = "\(request.method.rawValue) \(url.target) HTTP/1.1\r\n"
        for field in request.headers.fields {
            guard isToken(field.name) else { throw invalid("header name is not a token") }
            guard isFieldValue(field.value) else { throw invalid("header value contains control bytes") }
        }
        head += "Host: \(request.headers["Host"] ?? url.hostHeader)\r\n"
        if let userAgent, !request.headers.contains("User-Agent") {
            guard isFieldValue(userAgent) else { throw invalid("configured User-Agent contains control bytes") }
            head += "User-Agent: \(userAgent)\r\n"
        }
        if let requestID, !request.headers.contains("X-Request-Id"), !requestID.isEmpty, isFieldValue(requestID) {
            head += "X-Request-Id: \(requestID)\r\n"
        }
        for field in request.headers.fields where !managed.contains(where: { field.name.equalsIgnoringASCIICase($0) }) {
            head += "\(field.name): \(field.value)\r\n"
        }
        let closeAfter = request.headers.values(for: "Connection").contains { hasToken("close", in: $0) }
        head += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n"
        if let body = request.body {
            head += "Content-Length: \(body.count)\r\n"
        } else if request.method == .post || request.method == .put || request.method == .patch {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if let body = request.body { bytes.append(contentsOf: body) }
        return (bytes, closeAfter)
    }

    /// Whether `text` is a non-empty RFC 9110 token (methods, field names).
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    /// Whether `byte` is a `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Whether `text` may be sent as a field value: no control bytes except HTAB, no DEL, and
    /// no leading or trailing whitespace.
    static func isFieldValue(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let first = utf8.first, first == 0x20 || first == 0x09 { return false }
        if let last = utf8.last, last == 0x20 || last == 0x09 { return false }
        return utf8.allSatisfy { ($0 >= 0x20 && $0 != 0x7F) || $0 == 0x09 }
    }

    /// Whether the comma-separated `list` contains `token` (ASCII case-insensitive).
    static func hasToken(_ token: String, in list: String) -> Bool {
        list.split(separator: ",").contains { element in
            String(element.filter { $0 != " " && $0 != "\t" }).equalsIgnoringASCIICase(token)
        }
    }
}
