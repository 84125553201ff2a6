/// Serialises `JSONValue`. The default is compact (`,` and `:` without spaces), members in
/// stored order, numbers verbatim, non-ASCII and `/` unescaped, `"`, `\` and control
/// characters escaped (`\b \f \n \r \t`, others `\u00xx`): byte-for-byte what PHP's
/// `json_encode(…, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES)` and Python's
/// `json.dumps(…, separators=(",", ":"), ensure_ascii=False)` produce.
public struct JSONWriter: Sendable {
    /// Spaces per nesting level for pretty output; nil writes compact JSON.
    public var indent: Int?
    /// Escape U+2028/U+2029 as `\u2028`/`\u2029` (PHP without `JSON_UNESCAPED_LINE_TERMINATORS`).
    public var escapeLineTerminators: Bool

    /// A writer; compact by default.
    public init(indent: Int? = nil, escapeLineTerminators: Bool = false) {
        self.indent = indent
        self.escapeLineTerminators = escapeLineTerminators
    }

    /// The serialised bytes of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        write(value, to: &buffer)
        return buffer
    }

    /// The serialised text of `value`.
    public func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// Appends the serialisation of `value` to `buffer`.
    public func write(_ value: JSONValue, to buffer: inout [UInt8], level: Int = 0) {
        switch value {
        case .null: buffer.append(contentsOf: "null".utf8)
        case .bool(let flag): buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): buffer.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, to: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                separator(first: index == 0, level: level + 1, to: &buffer)
                write(element, to: &buffer, level: level + 1)
            }
            close(UInt8(ascii: "]"), empty: elements.isEmpty, level: level, to: &buffer)
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                separator(first: index == 0, level: level + 1, to: &buffer)
                writeString(member.key, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                if indent != nil { buffer.append(UInt8(ascii: " ")) }
                write(member.value, to: &buffer, level: level + 1)
            }
            close(UInt8(ascii: "}"), empty: object.count == 0, level: level, to: &buffer)
        }
    }

    private func separator(first: Bool, level: Int, to buffer: inout [UInt8]) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        newline(level: level, to: &buffer)
    }

    private func close(_ bracket: UInt8, empty: Bool, level: Int, to buffer: inout [UInt8]) {
        if !empty { newline(level: level, to: &buffer) }
        buffer.append(bracket)
    }

    private func newline(level: Int, to buffer: inout [UInt8]) {
        guard let indent else { return }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private func writeString(_ text: String, to buffer: inout [UInt8]) {
        guard escapeLineTerminators, text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            JSONString.append(text, to: &buffer)
            return
        }
        var escaped: [UInt8] = []
        JSONString.append(text, to: &escaped)
        var index = 0
        while index < escaped.count {
            if index + 2 < escaped.count, escaped[index] == 0xE2, escaped[index + 1] == 0x80,
               escaped[index + 2] == 0xA8 || escaped[index + 2] == 0xA9 {
                buffer.append(contentsOf: (escaped[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 3
            } else {
                buffer.append(escaped[index])
                index += 1
            }
        }
    }
}
