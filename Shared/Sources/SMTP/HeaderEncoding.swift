/// Header values in 7-bit form with lines of at most 78 characters: RFC 2047 encoded words
/// for Unicode text and RFC 2231 parameters for Unicode file names.
enum HeaderEncoding {
    /// Raw bytes per encoded word: 36 → 48 base64 characters, 60 with `=?UTF-8?B?…?=`.
    private static let wordBytes = 36

    /// `Name: value` with `value` as is when it is short printable ASCII, else as UTF-8 B encoded
    /// words folded onto continuation lines. `phrase` also encodes ASCII specials (display names).
    static func unstructured(_ name: String, _ value: String, phrase: Bool = false) -> String {
        let plain = value.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
        if plain, !phrase, name.utf8.count + 2 + value.utf8.count <= 78 { return "\(name): \(value)" }
        if plain, phrase, name.utf8.count + 2 + value.utf8.count <= 60 { return "\(name): \(quotedPhrase(value))" }
        return "\(name): " + encodedWords(value).joined(separator: "\r\n ")
    }

    /// `text` as a quoted-string when it holds anything beyond letters, digits and spaces.
    static func quotedPhrase(_ text: String) -> String {
        let atext = text.utf8.allSatisfy { $0 == 0x20 || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        if atext, !text.isEmpty { return text }
        var out = "\""
        for character in text { if character == "\"" || character == "\\" { out += "\\" }; out.append(character) }
        return out + "\""
    }

    /// `text` split on scalar boundaries into `=?UTF-8?B?…?=` words of at most 60 characters.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = [], chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > wordBytes { words.append(word(chunk)); chunk = [] }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + String(decoding: Base64.encode(bytes), as: UTF8.self) + "?="
    }

    /// `; filename="…"` for plain ASCII names, else RFC 2231 `filename*=UTF-8''…` (percent-encoded,
    /// split into `filename*0*=`, `filename*1*=`, … continuations when long).
    static func filenameParameter(_ filename: String) -> String {
        let simple = filename.utf8.allSatisfy { (0x20..<0x7F).contains($0) && $0 != 0x22 && $0 != 0x5C }
        if simple, filename.utf8.count <= 50 { return ";\r\n filename=\"\(filename)\"" }
        var pieces: [String] = [], current = "UTF-8''"
        for scalar in filename.unicodeScalars {
            let encoded = String(scalar).utf8.map(percentEncoded).joined()
            if current.utf8.count + encoded.utf8.count > 50 { pieces.append(current); current = "" }
            current += encoded
        }
        pieces.append(current)
        if pieces.count == 1 { return ";\r\n filename*=\(pieces[0])" }
        return pieces.enumerated().map { ";\r\n filename*\($0.offset)*=\($0.element)" }.joined()
    }

    private static func percentEncoded(_ byte: UInt8) -> String {
        let attributeChar = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || "!#$&+-.^_`|~".utf8.contains(byte)
        if attributeChar { return String(UnicodeScalar(byte)) }
        let hex = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
    }
}
