/// A strict RFC 8259 parser into `JSONValue`: member order and number spelling are kept,
/// strings must be valid UTF-8 (lone surrogate escapes are rejected), nesting is limited.
public enum JSONParser {
    /// The default nesting limit (arrays and objects).
    public static let defaultMaxDepth = 64

    /// Parses one complete document (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var reader = JSONReader(buffer, maxDepth: maxDepth)
            let value = try reader.readDocument()
            return value
        }
    }

    /// Parses the UTF-8 bytes of `text`.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// The cursor over the input; values are read recursively up to `maxDepth`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
        let value = try readValue()
        skipWhitespace()
        guard position == bytes.count else { throw JSONParseError(.trailingData, at: position) }
        return value
    }

    mutating func readValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw JSONParseError(.unexpectedCharacter, at: position)
        }
    }

    private mutating func readObject() throws(JSONParseError) -> JSONValue {
        try enter()
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { position += 1; depth -= 1; return .object(JSONObject()) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try readString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw unexpected() }
            position += 1
            members.append((key: key, value: try readValue()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; depth -= 1; return .object(JSONObject(members))
            default: throw unexpected()
            }
        }
    }

    private mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enter()
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; depth -= 1; return .array([]) }
        while true {
            elements.append(try readValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; depth -= 1; return .array(elements)
            default: throw unexpected()
            }
        }
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= maxDepth else { throw JSONParseError(.tooDeep, at: position) }
        position += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
            throw JSONParseError(.unexpectedCharacter, at: position + index)
        }
        position += count
    }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    func unexpected() -> JSONParseError {
        JSONParseError(position < bytes.count ? .unexpectedCharacter : .unexpectedEnd, at: position)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}
