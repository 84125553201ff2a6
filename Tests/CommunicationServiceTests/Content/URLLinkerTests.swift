@testable import CommunicationService
import Testing

@Suite("Content: bare URL linking")
struct URLLinkerTests {
    @Test("bare URLs become Markdown links")
    func linksBareURLs() {
        #expect(URLLinker.linkBareURLs("Visit https://example.com now")
            == "Visit [https://example.com](https://example.com) now")
        #expect(URLLinker.linkBareURLs("http://a.de/x?y=1&z=2#f") == "[http://a.de/x?y=1&z=2#f](http://a.de/x?y=1&z=2#f)")
        #expect(URLLinker.linkBareURLs("two: https://a.de https://b.de")
            == "two: [https://a.de](https://a.de) [https://b.de](https://b.de)")
    }

    @Test("trailing punctuation stays outside the link", arguments: [".", ",", ":", ";", "!", "?"])
    func trailingPunctuation(_ mark: String) {
        #expect(URLLinker.linkBareURLs("See https://example.com/page\(mark) Next")
            == "See [https://example.com/page](https://example.com/page)\(mark) Next")
    }

    @Test("an unbalanced closing parenthesis is not part of the URL")
    func parentheses() {
        #expect(URLLinker.linkBareURLs("(see https://example.com/a)")
            == "(see [https://example.com/a](https://example.com/a))")
        #expect(URLLinker.linkBareURLs("https://en.wikipedia.org/wiki/A_(b).")
            == "[https://en.wikipedia.org/wiki/A_(b)](https://en.wikipedia.org/wiki/A_(b)).")
    }

    @Test("URLs already in link syntax are untouched", arguments: [
        "[https://example.com](https://example.com)",
        "[Text](https://example.com)",
        "[see https://a.de](https://a.de)",
        "<https://example.com>",
        "`https://example.com`",
        "<a href=\"https://example.com\">x</a>",
        "![img](https://example.com/i.png)",
        "no url here",
        "http:// alone",
    ])
    func untouched(_ markdown: String) {
        #expect(URLLinker.linkBareURLs(markdown) == markdown)
    }

    @Test("linked URLs render as anchors and umlauts survive")
    func rendersAfterLinking() {
        let html = Markdown.html(URLLinker.linkBareURLs("Grüße: https://curavani.com/über."))
        #expect(html == "<p>Grüße: <a href=\"https://curavani.com/%C3%BCber\">https://curavani.com/über</a>.</p>\n")
    }

    @Test("pathological input finishes")
    func pathological() {
        let input = String(repeating: "[(", count: 25_000) + "https://x.de" + String(repeating: ")", count: 50_000)
        #expect(URLLinker.linkBareURLs(input).count >= input.count)
        #expect(URLLinker.linkBareURLs(String(repeating: "` https://x.de ", count: 10_000)).contains("x.de"))
    }
}
