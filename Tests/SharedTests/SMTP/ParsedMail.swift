import TestSupport

/// A minimal MIME reader for the SMTP tests: unfolded headers, leaf parts with decoded bodies.
struct ParsedMail {
    struct Part { let headers: [String: String]; let body: [UInt8] }

    let headers: [String: String]
    let parts: [Part]

    init(_ bytes: [UInt8]) {
        let (headers, body) = Self.split(String(decoding: bytes, as: UTF8.self))
        self.headers = headers
        parts = Self.leaves(headers: headers, body: body)
    }

    /// The subject with RFC 2047 B words decoded.
    var subject: String { Self.decodeWords(headers["subject"] ?? "") }

    /// Each word decoded on its own (a padded word in the middle must not shift the next one).
    static func decodeWords(_ value: String) -> String {
        guard value.hasPrefix("=?UTF-8?B?") else { return value }
        let bytes = value.split(separator: " ").flatMap { TestBase64.decode($0.dropFirst(10).dropLast(2)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func split(_ text: String) -> ([String: String], String) {
        let range = text.firstRange(of: "\r\n\r\n")
        let head = range.map { String(text[..<$0.lowerBound]) } ?? text
        let body = range.map { String(text[$0.upperBound...]) } ?? ""
        var headers: [String: String] = [:]
        for line in head.replacing("\r\n ", with: " ").split(separator: "\r\n") {
            let colon = line.firstIndex(of: ":")!
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        return (headers, body)
    }

    private static func leaves(headers: [String: String], body: String) -> [Part] {
        let type = headers["content-type"] ?? ""
        guard type.hasPrefix("multipart/"), let start = type.firstRange(of: "boundary=\"") else {
            let decoded = headers["content-transfer-encoding"] == "base64" ? TestBase64.decode(body) : Array(body.utf8)
            return [Part(headers: headers, body: decoded)]
        }
        let boundary = "--" + type[start.upperBound...].prefix { $0 != "\"" }
        let sections = body.components(separatedBy: boundary).dropFirst().dropLast()
        return sections.flatMap { section -> [Part] in
            let (h, b) = split  /* "\r\n" is one Character */(String(section.dropFirst()))
            return leaves(headers: h, body: b)
        }
    }
}

private extension String {
    func components(separatedBy separator: String) -> [String] {
        var result: [String] = [], rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return result + [String(rest)]
    }
}
