public import Shared

extension MailMessage {
    /// The complete RFC 5322 message with CRLF line endings, 7-bit, every line ≤ 78 characters:
    /// `multipart/alternative` (text/plain when non-empty, text/html; UTF-8, base64), wrapped in
    /// `multipart/mixed` when there are attachments (base64). Dot-stuffing is left to the transport.
    /// `date` and `messageID` default to now and a random id at the sender's domain.
    public func mimeBytes(date: UTCTimestamp = .now(), messageID: String? = nil) -> [UInt8] {
        var head = [
            HeaderEncoding.unstructured("From", senderName, phrase: true).appendingAddress(senderAddress),
            "To: " + recipients.joined(separator: ",\r\n "),
            HeaderEncoding.unstructured("Subject", subject),
            "Date: " + MailDate.format(date),
            "Message-ID: <\(messageID ?? Self.randomID())@\(senderDomain)>",
            "MIME-Version: 1.0",
        ]
        let alternative = Self.multipart("alternative", parts: bodyParts)
        let body: [UInt8]
        if attachments.isEmpty {
            head.append(alternative.header)
            body = alternative.body
        } else {
            let mixed = Self.multipart("mixed", parts: [(alternative.header, alternative.body)] + attachments.map(\.part))
            head.append(mixed.header)
            body = mixed.body
        }
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    private var bodyParts: [(header: String, body: [UInt8])] {
        var parts: [(String, [UInt8])] = []
        if !text.isEmpty { parts.append(Self.textPart("plain", text)) }
        parts.append(Self.textPart("html", html))
        return parts
    }

    private static func textPart(_ subtype: String, _ content: String) -> (String, [UInt8]) {
        let canonical = content.replacing("\r\n", with: "\n").replacing("\r", with: "\n").replacing("\n", with: "\r\n")
        return ("Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: base64",
                Base64.encodeLines(Array(canonical.utf8)))
    }

    /// A multipart entity: its `Content-Type` header and its body (parts between boundaries).
    static func multipart(_ subtype: String, parts: [(header: String, body: [UInt8])]) -> (header: String, body: [UInt8]) {
        let boundary = "=_\(subtype)_\(randomID())"
        var body: [UInt8] = []
        for part in parts {
            body += Array("--\(boundary)\r\n\(part.header)\r\n\r\n".utf8)
            body += part.body
            if body.last != 10 { body += [13, 10] }
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ("Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\"", body)
    }

    /// 32 random hex digits.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}

extension MailAttachment {
    /// The attachment as a MIME part.
    var part: (header: String, body: [UInt8]) {
        ("Content-Type: \(contentType)\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment" + HeaderEncoding.filenameParameter(filename),
         Base64.encodeLines(bytes))
    }
}

private extension String {
    /// `From: <phrase>` + ` <address>`, on a continuation line when the phrase line is long.
    func appendingAddress(_ address: String) -> String {
        let lastLine = self.split(separator: "\r\n").last ?? ""
        return self + (lastLine.utf8.count + address.utf8.count + 3 <= 78 ? " " : "\r\n ") + "<\(address)>"
    }
}
