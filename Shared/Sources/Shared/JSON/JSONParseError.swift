/// Why a document is not valid JSON; `offset` is the byte position. The description names
/// the position and the problem, never the document's content.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: String, Sendable, Equatable {
        case unexpectedEnd = "unexpected end of input"
        case unexpectedCharacter = "unexpected character"
        case invalidNumber = "invalid number"
        case invalidEscape = "invalid escape sequence"
        case controlCharacterInString = "unescaped control character in string"
        case invalidUTF8 = "invalid UTF-8"
        case tooDeep = "nesting too deep"
        case trailingData = "unexpected data after the document"
    }

    /// What went wrong.
    public let reason: Reason
    /// Byte offset of the problem.
    public let offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// `malformed JSON at byte 12: invalid number`.
    public var description: String { "malformed JSON at byte \(offset): \(reason.rawValue)" }
}
