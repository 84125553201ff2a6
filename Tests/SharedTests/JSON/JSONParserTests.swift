import Testing
import Shared

@Suite("JSON parser")
struct JSONParserTests {
    @Test("objects keep member order and numbers keep their spelling")
    func orderAndNumbers() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": -0.50, "m": 1E+3, "b": [true, false, null]}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "b"])
        #expect(value["a"] == .number("-0.50"))
        #expect(value["m"] == .number("1E+3"))
        #expect(value["z"]?.intValue == 1)
        #expect(value["b"] == [true, false, .null])
    }

    @Test("escapes, surrogate pairs and raw UTF-8 decode to the same text")
    func strings() throws {
        let value = try JSONParser.parse(#"["\u00fc\ud83d\ude00\/\b\f\n\r\t\"\\", "ü😀"]"#)
        #expect(value.arrayValue?[0] == .string("ü😀/\u{8}\u{c}\n\r\t\"\\"))
        #expect(value.arrayValue?[1] == .string("ü😀"))
    }

    @Test("a repeated key reads as its last value")
    func repeatedKey() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "a": 2}"#)["a"] == 2)
    }

    @Test("malformed documents are rejected with a position and never crash", arguments: [
        ("", JSONParseError.Reason.unexpectedEnd), ("{", .unexpectedEnd), (#"{"a" 1}"#, .unexpectedCharacter),
        ("[1,]", .unexpectedCharacter), ("01", .trailingData), ("1.", .invalidNumber), ("-", .invalidNumber),
        ("1e", .invalidNumber), (#""\x""#, .invalidEscape), (#""\ud800""#, .invalidEscape),
        (#""\udc00""#, .invalidEscape), ("\"a\u{1}\"", .controlCharacterInString), ("tru", .unexpectedEnd),
        ("nul1", .unexpectedCharacter), ("{} {}", .trailingData), ("'a'", .unexpectedCharacter),
        ("NaN", .unexpectedCharacter), (#"{"a":1,}"#, .unexpectedCharacter), ("\"abc", .unexpectedEnd),
    ])
    func malformed(input: String, reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
        do { _ = try JSONParser.parse(input) } catch { #expect(error.reason == reason, "\(input)") }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        #expect(throws: JSONParseError(.invalidUTF8, at: 1)) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test("nesting deeper than the limit is refused instead of overflowing the stack")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONParser.parse(ok).arrayValue != nil)
    }
}
