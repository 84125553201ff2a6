/// The HTML and plain-text bodies of an email (communication.md §2.2 Processing, §4).
struct EmailContent: Sendable, Equatable {
    var html: String
    var text: String

    /// `POST /api/emails`: non-empty Markdown wins (bare URLs linked, rendered, text extracted
    /// from the HTML); otherwise the given HTML and text (or `""`). The footer goes on both.
    static func forEmail(markdown: String?, html: String?, text: String?, footer: LegalFooter?) -> EmailContent {
        var content: EmailContent
        if let markdown, !markdown.isEmpty {
            let rendered = Markdown.html(URLLinker.linkBareURLs(markdown))
            content = EmailContent(html: rendered, text: HTMLText.plainText(rendered))
        } else {
            content = EmailContent(html: html ?? "", text: text ?? "")
        }
        content.append(footer)
        return content
    }

    /// `POST /api/system-messages`: Markdown without URL pre-processing, or the message
    /// verbatim in `<pre>` (unescaped, as the original did) with the message as text.
    static func forSystemMessage(_ message: String, processMarkdown: Bool, footer: LegalFooter?) -> EmailContent {
        var content: EmailContent
        if processMarkdown {
            let rendered = Markdown.html(message)
            content = EmailContent(html: rendered, text: HTMLText.plainText(rendered))
        } else {
            content = EmailContent(html: "<pre>" + message + "</pre>", text: message)
        }
        content.append(footer)
        return content
    }

    private mutating func append(_ footer: LegalFooter?) {
        guard let footer else { return }
        html += footer.html
        text += footer.text
    }
}
