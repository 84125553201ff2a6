@testable import CommunicationService
import Testing

@Suite("Content: Markdown rendering")
struct MarkdownTests {
    @Test("matches markdown-it output", arguments: MarkdownCorpus.cases)
    func matchesMarkdownIt(_ example: MarkdownCase) {
        #expect(Markdown.html(example.markdown) == example.html)
    }

    @Test("the platform's required constructs")
    func requiredConstructs() {
        #expect(Markdown.html("# Heading").contains("<h1>Heading</h1>"))
        #expect(Markdown.html("**bold**").contains("<strong>bold</strong>"))
        #expect(Markdown.html("*italic*").contains("<em>italic</em>"))
        #expect(Markdown.html("[Link](https://example.com)").contains("<a href=\"https://example.com\">Link</a>"))
    }

    @Test("every newline inside a paragraph is a <br>")
    func softBreaks() {
        #expect(Markdown.html("a\nb") == "<p>a<br>\nb</p>\n")
    }

    @Test("script-ish link targets render as text")
    func rejectsDangerousLinks() {
        let html = Markdown.html("[x](javascript:alert(1)) [y](  data:text/html,hi)")
        #expect(!html.contains("href"))
        #expect(html.contains("[x](javascript:alert(1))"))
    }
}

@Suite("Content: Markdown on pathological input")
struct MarkdownPathologicalTests {
    static let count = 50_000

    @Test("long runs of one character finish", arguments: ["*", "_", "~", "[", "]", "`", "<", "!", "\\", "&", "(", ")", "#", "|", "-"])
    func longRuns(_ character: String) {
        let html = Markdown.html(String(repeating: character, count: Self.count))
        #expect(!html.isEmpty)
    }

    @Test("runs inside a paragraph keep every character")
    func runsInParagraph() {
        for character in ["*", "[", "_", "`", "~"] {
            let html = Markdown.html("a" + String(repeating: character, count: Self.count) + "a")
            #expect(html.hasPrefix("<p>a"))
            #expect(html.filter { String($0) == character }.count == Self.count)
        }
    }

    @Test("alternating and nested delimiters finish", arguments: ["*a", "*_", "a**", "[a", "[]", "![", "[](", "<a", "<!--", "`a``", "**a*", "~~a"])
    func repeatedPatterns(_ pattern: String) {
        let html = Markdown.html(String(repeating: pattern, count: Self.count / pattern.count))
        #expect(html.hasPrefix("<"))
    }

    @Test("balanced brackets 25,000 deep finish")
    func deepBrackets() {
        let html = Markdown.html(String(repeating: "[", count: 25_000) + "x" + String(repeating: "](u)", count: 25_000))
        #expect(html.hasPrefix("<p>"))
    }

    @Test("50,000 > nest at most 100 levels and keep the rest as text")
    func deepBlockquotes() {
        let html = Markdown.html(String(repeating: ">", count: Self.count) + " deep")
        #expect(html.hasPrefix("<blockquote>\n<blockquote>"))
        #expect(html.ranges(of: "<blockquote>").count <= Markdown.maxNesting)
        #expect(html.contains("deep"))
    }

    @Test("deeply nested lists finish and keep their text")
    func deepLists() {
        var markdown = ""
        for depth in 0..<1_000 { markdown += String(repeating: "  ", count: depth) + "- item\(depth)\n" }
        let html = Markdown.html(markdown)
        #expect(html.hasPrefix("<ul>\n<li>item0"))
        #expect(html.contains("item999"))
        #expect(Markdown.html(String(repeating: "- ", count: Self.count) + "x").contains("x"))
        #expect(Markdown.html(String(repeating: "1. ", count: 10_000) + "x").contains("x"))
    }

    @Test("many lines and table cells finish")
    func manyLines() {
        #expect(Markdown.html(String(repeating: "a\n", count: Self.count)).hasPrefix("<p>a<br>"))
        #expect(Markdown.html(String(repeating: "> a\n", count: 10_000)).hasPrefix("<blockquote>"))
        let header = String(repeating: "|a", count: 5_000) + "|\n" + String(repeating: "|-", count: 5_000) + "|\n"
        #expect(Markdown.html(header + String(repeating: "|\n", count: 100)).hasPrefix("<table>"))
    }
}
