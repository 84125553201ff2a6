/// §5.3: the legal footer appended to emails, as HTML (a rule and a small grey paragraph)
/// and as plain text (`--` signature separator).
struct LegalFooter: Sendable {
    let html: String
    let text: String

    /// Builds both variants from the company settings; the HTML escapes every value.
    init(_ settings: LegalFooterSettings) {
        func lines(_ name: String, _ escape: (String) -> String) -> [String] {
            [
                name,
                escape(settings.street),
                escape(settings.plz + " " + settings.city),
                escape(settings.country),
                "",
                escape("E-Mail: " + settings.email),
                "",
                escape("Geschäftsführer: " + settings.ceo),
                escape("Handelsregister: " + settings.hrb),
                "",
                escape(settings.privacyText),
            ]
        }
        let htmlName = "<strong>" + MarkdownText.escapeHTML(settings.companyName) + "</strong>"
        html = "\n<hr>\n<p style=\"font-size: 12px; color: #666;\">"
            + lines(htmlName, MarkdownText.escapeHTML).joined(separator: "<br>") + "</p>"
        text = "\n\n--\n" + lines(settings.companyName, { $0 }).joined(separator: "\n")
    }
}
