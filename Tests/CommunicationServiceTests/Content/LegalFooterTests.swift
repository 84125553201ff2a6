@testable import CommunicationService
import Testing

@Suite("Content: legal footer and email composition")
struct LegalFooterTests {
    static var settings: LegalFooterSettings {
        var settings = LegalFooterSettings()
        settings.companyName = "Curavani GmbH"
        settings.street = "Musterstraße 1"
        settings.plz = "52070"
        settings.city = "Aachen"
        settings.country = "Deutschland"
        settings.email = "info@curavani.com"
        settings.ceo = "Max Mustermann"
        settings.hrb = "HRB 12345"
        settings.privacyText = "Datenschutz: https://curavani.com/datenschutz"
        return settings
    }

    @Test("footer HTML and text")
    func footer() {
        let footer = LegalFooter(Self.settings)
        #expect(footer.html == "\n<hr>\n<p style=\"font-size: 12px; color: #666;\"><strong>Curavani GmbH</strong><br>Musterstraße 1<br>52070 Aachen<br>Deutschland<br><br>E-Mail: info@curavani.com<br><br>Geschäftsführer: Max Mustermann<br>Handelsregister: HRB 12345<br><br>Datenschutz: https://curavani.com/datenschutz</p>")
        #expect(footer.text == "\n\n--\nCuravani GmbH\nMusterstraße 1\n52070 Aachen\nDeutschland\n\nE-Mail: info@curavani.com\n\nGeschäftsführer: Max Mustermann\nHandelsregister: HRB 12345\n\nDatenschutz: https://curavani.com/datenschutz")
    }

    @Test("footer values are HTML-escaped in HTML only")
    func escaping() {
        var settings = Self.settings
        settings.companyName = "A & B <GmbH>"
        let footer = LegalFooter(settings)
        #expect(footer.html.contains("<strong>A &amp; B &lt;GmbH&gt;</strong>"))
        #expect(footer.text.contains("\nA & B <GmbH>\n"))
    }

    @Test("default settings print empty lines for empty values")
    func defaults() {
        let footer = LegalFooter(LegalFooterSettings())
        #expect(footer.text == "\n\n--\nCuravani GmbH\n\n52070 Aachen\nDeutschland\n\nE-Mail: info@curavani.com\n\nGeschäftsführer: \nHandelsregister: \n\n")
    }

    @Test("email with Markdown: linked, rendered, text extracted, footer appended")
    func emailMarkdown() {
        let footer = LegalFooter(Self.settings)
        let content = EmailContent.forEmail(markdown: "# Hallo\n\nSiehe https://curavani.com.", html: "<p>ignored</p>", text: "ignored", footer: footer)
        #expect(content.html == "<h1>Hallo</h1>\n<p>Siehe <a href=\"https://curavani.com\">https://curavani.com</a>.</p>\n" + footer.html)
        #expect(content.text == "Hallo\n\nSiehe https://curavani.com." + footer.text)
    }

    @Test("email without Markdown uses the given HTML and text")
    func emailPlain() {
        #expect(EmailContent.forEmail(markdown: "", html: "<p>x</p>", text: "x", footer: nil)
            == EmailContent(html: "<p>x</p>", text: "x"))
        #expect(EmailContent.forEmail(markdown: nil, html: nil, text: "only text", footer: nil)
            == EmailContent(html: "", text: "only text"))
        let footer = LegalFooter(Self.settings)
        #expect(EmailContent.forEmail(markdown: nil, html: "<b>h</b>", text: nil, footer: footer)
            == EmailContent(html: "<b>h</b>" + footer.html, text: footer.text))
    }

    @Test("system message: pre-formatted or Markdown without URL linking")
    func systemMessage() {
        #expect(EmailContent.forSystemMessage("Fehler <x>\nZeile 2", processMarkdown: false, footer: nil)
            == EmailContent(html: "<pre>Fehler <x>\nZeile 2</pre>", text: "Fehler <x>\nZeile 2"))
        let markdown = EmailContent.forSystemMessage("**Import** fehlgeschlagen: https://x.de", processMarkdown: true, footer: nil)
        #expect(markdown.html == "<p><strong>Import</strong> fehlgeschlagen: https://x.de</p>\n")
        #expect(markdown.text == "Import fehlgeschlagen: https://x.de")
        let footer = LegalFooter(Self.settings)
        let withFooter = EmailContent.forSystemMessage("m", processMarkdown: false, footer: footer)
        #expect(withFooter.html == "<pre>m</pre>" + footer.html)
        #expect(withFooter.text == "m" + footer.text)
    }
}
