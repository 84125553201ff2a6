@testable import CommunicationService
import Testing

@Suite("Content: HTML to plain text")
struct HTMLTextTests {
    @Test("tags removed, blocks on their own lines")
    func blocks() {
        let html = "<h1>Title</h1>\n<p>Hello <strong>World</strong><br>\nsecond line</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<hr>\n<p>end</p>\n"
        #expect(HTMLText.plainText(html) == "Title\n\nHello World\nsecond line\n\none\ntwo\n\nend")
    }

    @Test("script and style contents and comments are dropped")
    func dropsInvisible() {
        let text = HTMLText.plainText("<style>p{color:red}</style><p>visible</p><script>alert('x')</script><!-- hidden -->")
        #expect(text == "visible")
    }

    @Test("entities are decoded")
    func entities() {
        #expect(HTMLText.plainText("<p>&auml;&ouml;&uuml; &Auml;&szlig; &amp; &lt;tag&gt; &quot;q&quot; &#8364; &#x41;</p>")
            == "äöü Äß & <tag> \"q\" € A")
    }

    @Test("table cells and rows stay apart")
    func tables() {
        let text = HTMLText.plainText(Markdown.html("| Name | Alter |\n|---|---|\n| Anna | 30 |"))
        #expect(text.contains("Name\tAlter"))
        #expect(text.contains("Anna\t30"))
    }

    @Test("preformatted text keeps its layout")
    func preformatted() {
        #expect(HTMLText.plainText("<pre><code>a\n    b\n</code></pre>") == "a\n    b")
    }

    @Test("every visible phrase of rendered Markdown is present")
    func phrasesPresent() {
        let markdown = "# Termin bestätigt\n\nSehr geehrte Frau **Müller**,\n\nIhr Termin ist am *Montag*.\n\n- Punkt eins\n- Punkt zwei\n\n[Zur Website](https://curavani.com)"
        let text = HTMLText.plainText(Markdown.html(markdown))
        for phrase in ["Termin bestätigt", "Sehr geehrte Frau Müller,", "Ihr Termin ist am Montag.", "Punkt eins", "Punkt zwei", "Zur Website"] {
            #expect(text.contains(phrase), "missing \(phrase)")
        }
        #expect(!text.contains("<"))
    }

    @Test("blank lines collapse and lines are trimmed")
    func whitespace() {
        #expect(HTMLText.plainText("<p>a   </p>\n\n\n\n<p>b</p>") == "a\n\nb")
        #expect(HTMLText.plainText("   ") == "")
        #expect(HTMLText.plainText("1 < 2 and <3") == "1 < 2 and <3")
    }
}
