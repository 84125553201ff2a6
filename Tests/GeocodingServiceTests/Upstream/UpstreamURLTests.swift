import Testing
@testable import GeocodingService

@Suite("Upstream URLs")
struct UpstreamURLTests {
    @Test("query values keep only RFC 3986 unreserved characters")
    func strictEncoding() {
        #expect(UpstreamEncoding.component("a-z_0.9~") == "a-z_0.9~")
        #expect(UpstreamEncoding.component("a b&c=d#e/f?g+h%") == "a%20b%26c%3Dd%23e%2Ff%3Fg%2Bh%25")
        #expect(UpstreamEncoding.component("Straße ü") == "Stra%C3%9Fe%20%C3%BC")
        #expect(UpstreamEncoding.component("\r\n") == "%0D%0A")
    }

    @Test("numbers are written like Python's str(float)")
    func pythonFloatFormat() {
        let cases: [(Double, String)] = [
            (13.405, "13.405"), (52.52, "52.52"), (52.5200, "52.52"), (0, "0.0"), (-0.5, "-0.5"), (180, "180.0"),
            (48.1351, "48.1351"), (11.582, "11.582"), (0.0001, "0.0001"), (0.00001, "1e-05"), (-33.868820, "-33.86882"),
            (13.123456, "13.123456"), (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (value, text) in cases { #expect(UpstreamEncoding.number(value) == text) }
        #expect(UpstreamEncoding.number(.nan) == nil)
        #expect(UpstreamEncoding.number(.infinity) == nil)
    }

    @Test("trailing slashes of the base are dropped; host is host:port without userinfo")
    func baseURL() {
        let base = UpstreamBase("https://nominatim.example.org//")
        #expect(base.base == "https://nominatim.example.org")
        #expect(base.host == "nominatim.example.org")
        let url = base.url(path: "/search", route: "/search", query: ["q": "a&b", "format": "json"])
        #expect(url.url == "https://nominatim.example.org/search?q=a%26b&format=json")
        #expect(url.route == "/search")
        let nested = UpstreamBase("http://user:secret@10.0.0.5:8080/osm/")
        #expect(nested.host == "10.0.0.5:8080")
        #expect(nested.url(path: "/reverse", route: "/reverse", query: [:]).url == "http://user:secret@10.0.0.5:8080/osm/reverse")
    }
}
