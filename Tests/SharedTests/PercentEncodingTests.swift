import Testing
import Shared

@Suite("PercentEncoding")
struct PercentEncodingTests {
    @Test("unreserved characters pass; everything else is %XX of its UTF-8 bytes", arguments: [
        ("Az09-._~", "Az09-._~"), ("a b", "a%20b"), ("&=#?/+", "%26%3D%23%3F%2F%2B"), ("Straße", "Stra%C3%9Fe"),
        ("%", "%25"), ("", ""),
    ])
    func encode(text: String, encoded: String) {
        #expect(PercentEncoding.encode(text) == encoded)
    }

    @Test("bytes in `keeping` stay readable")
    func keeping() {
        #expect(PercentEncoding.encode("registrations/a b", keeping: [UInt8(ascii: "/")]) == "registrations/a%20b")
    }
}
