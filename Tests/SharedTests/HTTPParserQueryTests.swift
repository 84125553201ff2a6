import Testing
@testable import Shared

@Test("PercentDecoding decodes valid escapes, including multi-byte UTF-8", arguments: [
    ("plain", "plain"), ("a%20b", "a b"), ("%2Fpath%2f", "/path/"), ("caf%C3%A9", "café"), ("%e2%82%ac", "€"),
    ("100%25", "100%"), ("", ""),
])
func percentDecodingValid(input: String, expected: String) {
    #expect(PercentDecoding.decode(input) == expected)
}

@Test("PercentDecoding rejects malformed escapes and invalid UTF-8", arguments: [
    "%zz", "%4", "%", "a%", "%g0", "%0g", "%c0%ae", "%ff", "%80", "%C3", "%ed%a0%80", "%f8%88%80%80%80",
])
func percentDecodingMalformed(input: String) {
    #expect(PercentDecoding.decode(input) == nil)
    #expect(PercentDecoding.decode(input, plusAsSpace: true) == nil)
}

@Test("A plus is a space only in query mode; %2B is always a plus")
func percentDecodingPlus() {
    #expect(PercentDecoding.decode("a+b") == "a+b")
    #expect(PercentDecoding.decode("a+b", plusAsSpace: true) == "a b")
    #expect(PercentDecoding.decode("a%2Bb", plusAsSpace: true) == "a+b")
    #expect(PercentDecoding.decode("%2B+", plusAsSpace: true) == "+ ")
}

@Test("QueryParameters keeps repeated keys in order and decodes names and values")
func queryRepeatedKeys() throws {
    let query = try #require(QueryParameters(raw: "tag=a&tag=b%20c&q=x+y&na%6De=1"))
    #expect(query.all("tag") == ["a", "b c"])
    #expect(query["tag"] == "a")
    #expect(query["q"] == "x y")
    #expect(query["name"] == "1")
    #expect(query.pairs.count == 4)
}

@Test("QueryParameters: empty values, bare keys and empty segments")
func queryEmptyValues() throws {
    let query = try #require(QueryParameters(raw: "a=&b&&c=1=2&=v"))
    #expect(query["a"] == "")
    #expect(query["b"] == "")
    #expect(query["c"] == "1=2")
    #expect(query[""] == "v")
    #expect(query.pairs.map(\.name) == ["a", "b", "c", ""])
    #expect(try #require(QueryParameters(raw: "")).pairs.isEmpty)
}

@Test("QueryParameters is nil for a malformed escape in a name or value", arguments: [
    "a=%zz", "%4=1", "a=1&b=%c0%ae", "a=%", "x=%ff",
])
func queryMalformed(raw: String) {
    #expect(QueryParameters(raw: Substring(raw)) == nil)
}

@Test("QueryParameters typed accessors")
func queryTypedAccess() throws {
    let query = try #require(QueryParameters(raw: "page=3&limit=abc"))
    #expect(query.get("page", as: Int.self) == 3)
    #expect(query.get("limit", as: Int.self) == nil)
    #expect(query.get("limit", default: 20) == 20)
    #expect(query.get("missing", default: 1) == 1)
}
