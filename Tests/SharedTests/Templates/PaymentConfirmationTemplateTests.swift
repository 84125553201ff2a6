import Testing
import Shared

private let library = TemplateLibrary(directory: TemplateFixtures.emailDirectory)
private let defaultSubject = "Zahlung eingegangen - Ihre Therapieplatzsuche startet jetzt!"

private func render(anrede: String, group: Bool) throws -> (subject: String, body: String) {
    let rendered = try library.render("payment_confirmation.md", ["patient": [
        "anrede": .string(anrede), "nachname": "Muster", "zahlungsreferenz": "ab12cd34", "offen_fuer_gruppentherapie": .bool(group),
    ]])
    return Template.splitSubject(rendered, default: defaultSubject)
}

@Test("payment confirmation renders the whole text: no subject line (the service sets it), reference, individual place")
func paymentConfirmationFullText() throws {
    let (subject, body) = try render(anrede: "Herr", group: false)
    #expect(subject == defaultSubject)
    #expect(body == """
    Sehr geehrter Herr Muster,

    Ihre Zahlung ist bei uns eingegangen - vielen Dank!

    **Zahlungsreferenz:** ab12cd34

    Ab sofort suchen wir aktiv einen **Einzeltherapieplatz** für Sie.

    Dafür nehmen wir Kontakt zu Psychotherapeutinnen und Psychotherapeuten in Ihrer Nähe auf. \
    Sobald wir einen passenden Therapieplatz für Sie gefunden haben, melden wir uns mit allen weiteren \
    Informationen bei Ihnen.

    Bei Fragen erreichen Sie uns jederzeit per E-Mail an info@curavani.com.

    Mit freundlichen Grüßen

    Ihr Curavani Team
    """)
}

@Test("payment confirmation for group patients searches a Gruppentherapieplatz")
func paymentConfirmationGroup() throws {
    let body = try render(anrede: "Frau", group: true).body
    #expect(body.contains("Ab sofort suchen wir aktiv einen **Gruppentherapieplatz** für Sie."))
    #expect(!body.contains("Einzeltherapieplatz"))
    #expect(body.hasPrefix("Sehr geehrte Frau Muster,\n"))
}
