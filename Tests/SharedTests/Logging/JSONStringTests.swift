import Testing
import Shared
import Foundation

private func encoded(_ s: String) -> String {
    var buffer: [UInt8] = []
    JSONString.append(s, to: &buffer)
    return String(decoding: buffer, as: UTF8.self)
}

@Test("quotes and escapes per RFC 8259", arguments: [
    ("plain", #""plain""#),
    ("", #""""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"C:\path"#, #""C:\\path""#),
    ("a\nb\rc\td", #""a\nb\rc\td""#),
    ("\u{0}\u{1}\u{8}\u{c}\u{1b}\u{1f}", #""\u0000\u0001\b\f\u001b\u001f""#),
    ("Grüße 🇩🇪 – ok / \u{7f}", "\"Grüße 🇩🇪 – ok / \u{7f}\""),
])
func escaping(input: String, expected: String) {
    #expect(encoded(input) == expected)
}

@Test("appends to existing content without touching it")
func appendsToBuffer() {
    var buffer = Array("[".utf8)
    JSONString.append("x", to: &buffer)
    #expect(String(decoding: buffer, as: UTF8.self) == #"["x""#)
}

@Test("every control character and unicode round-trips through a JSON parser")
func roundTrip() throws {
    let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
    let input = controls + #"\"/"# + "äöü ß € 𝄞 \u{2028}"
    var buffer = Array("[".utf8)
    JSONString.append(input, to: &buffer)
    buffer.append(UInt8(ascii: "]"))
    let parsed = try JSONSerialization.jsonObject(with: Data(buffer)) as? [String]
    #expect(parsed == [input])
}
