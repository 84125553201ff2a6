/// Serialises responses. The server owns framing: `Content-Length`, `Transfer-Encoding`,
/// `Connection` and `Date` set by handlers are replaced, and any handler header whose name is
/// not a token or whose value contains CR, LF or NUL is dropped (no response splitting).
enum ResponseEncoder {
    static func encode(_ response: Response, headOnly: Bool, close: Bool, keepAlive: Bool = false, date: [UInt8],
                       into out: inout [UInt8]) {
        let status = response.status
        out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        for field in response.headers where isSafe(field.name, field.value) && !isFraming(field.name) {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: crlf)
        }
        if status.code >= 200 && status.code != 204 && status.code != 304 {
            out.append(contentsOf: contentLengthPrefix)
            out.append(contentsOf: String(response.body.count).utf8)
            out.append(contentsOf: crlf)
        }
        if close { out.append(contentsOf: connectionClose) } else if keepAlive { out.append(contentsOf: connectionKeepAlive) }
        out.append(contentsOf: date)
        out.append(contentsOf: crlf)
        if !headOnly && status.code != 204 && status.code != 304 { out.append(contentsOf: response.body) }
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let contentLengthPrefix = Array("Content-Length: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)

    private static func isFraming(_ name: String) -> Bool {
        switch name.utf8.count {   // the length rules out most names without comparing bytes
        case 4: name.equalsIgnoringASCIICase("date")
        case 10: name.equalsIgnoringASCIICase("connection")
        case 14: name.equalsIgnoringASCIICase("content-length")
        case 17: name.equalsIgnoringASCIICase("transfer-encoding")
        default: false
        }
    }

    private static func isSafe(_ name: String, _ value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { HTTPBytes.token[Int($0)] || $0 == UInt8(ascii: "_") }
            && value.utf8.allSatisfy(HTTPBytes.isValueByte)
    }
}
