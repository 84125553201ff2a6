import Testing
import Shared

private let library = TemplateLibrary(directory: TemplateFixtures.emailDirectory)

private func patient(anrede: String?, group: Bool) -> TemplateValue {
    ["anrede": TemplateValue(anrede), "nachname": "Muster", "vorname": "Erika",
     "zahlungsreferenz": "ab12cd34", "offen_fuer_gruppentherapie": .bool(group)]
}

/// Subject and body of the registration confirmation, as the importer sends it.
private func registration(anrede: String? = "Frau", group: Bool = false, price: String = "95,00 Euro") throws -> (subject: String, body: String) {
    let rendered = try library.render("patient_registration_confirmation.md", [
        "patient": patient(anrede: anrede, group: group), "price": .string(price), "price_number": 95.0,
        "service_type": group ? "Gruppentherapie" : "Einzeltherapie", "upgrade_price": "0,00 Euro",
    ])
    return Template.splitSubject(rendered, default: "Registrierung Suche Psychotherapieplatz erfolgreich")
}

private func payment(anrede: String? = "Frau", group: Bool = false) throws -> (subject: String, body: String) {
    let rendered = try library.render("payment_confirmation.md", ["patient": patient(anrede: anrede, group: group)])
    return Template.splitSubject(rendered, default: "Zahlung eingegangen - Ihre Therapieplatzsuche startet jetzt!")
}

@Test("the repository's email templates all parse (README.md is not a template)")
func emailTemplatesParse() throws {
    let names = try library.preload()
    #expect(names.contains("patient_registration_confirmation.md"))
    #expect(names.contains("payment_confirmation.md"))
    #expect(!names.contains("README.md"))
}

@Test("both patient emails greet by anrede", arguments: [
    ("Herr", "Sehr geehrter Herr Muster,"), ("Frau", "Sehr geehrte Frau Muster,"),
    (nil, "Sehr geehrter/geehrte Muster,"), ("divers", "Sehr geehrter/geehrte Muster,"),
] as [(String?, String)])
func patientEmailSalutation(anrede: String?, expected: String) throws {
    #expect(try registration(anrede: anrede).body.hasPrefix(expected + "\n\nvielen Dank für Ihre Registrierung"))
    #expect(try payment(anrede: anrede).body.hasPrefix(expected + "\n\nIhre Zahlung ist bei uns eingegangen - vielen Dank!"))
}

@Test("registration confirmation: subject line becomes the subject")
func registrationSubject() throws {
    let (subject, body) = try registration()
    #expect(subject == "Registrierung Suche Psychotherapieplatz erfolgreich")
    #expect(!body.contains("Betreff"))
}

@Test("registration confirmation: the four sections in order, contract link and closing")
func registrationSections() throws {
    let body = try registration().body
    let headings = ["### 1. Download Verträge", "### 2. Zahlung", "### 3. Notfall und akute Hilfe",
                    "### 4. Fragen, Wünsche und Veränderungen", "Mit freundlichen Grüßen\n\nIhr Curavani Team"]
    let positions = headings.map { body.ranges(of: $0).first?.lowerBound }
    #expect(!positions.contains(nil))
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(body.contains(
        "[Sie können die Verträge hier als PDF herunterladen.](https://www.curavani.com/verify_token.php?download=contract)"))
    for fragment in ["112", "Notaufnahme des nächstgelegenen Krankenhauses", "Telefonseelsorge unter 0800 110111", "info@curavani.com"] {
        #expect(body.contains(fragment))
    }
    #expect(body.hasSuffix("Mit freundlichen Grüßen\n\nIhr Curavani Team"))
    #expect(!body.contains("{") && !body.contains("\n\n\n"))
}

@Test("registration confirmation: bank details exact, price and zahlungsreferenz filled in")
func registrationPayment() throws {
    let body = try registration(price: "1.234,50 Euro").body
    #expect(body.contains("""
    - **Kontoinhaber:** Curavani GmbH
    - **IBAN:** DE16 3905 0000 1077 6583 65
    - **BIC:** AACSDE33
    - **Verwendungszweck:** ab12cd34
    - **Betrag:** 1.234,50 Euro
    """))
    #expect(body.contains("Bitte überweisen Sie den Betrag von 1.234,50 Euro auf das folgende Konto:"))
    #expect(body.contains("Innerhalb von 24 Stunden nach Eingang Ihrer Zahlung beginnen wir mit der Suche"))
}

@Test("registration confirmation: group patients chose a Gruppentherapieplatz, others an Einzeltherapieplatz")
func registrationGroupWording() throws {
    let group = try registration(group: true).body, single = try registration(group: false).body
    #expect(group.contains("Sie haben sich für einen **Gruppentherapieplatz** entschieden."))
    #expect(!group.contains("Einzeltherapieplatz"))
    #expect(single.contains("Sie haben sich für einen **Einzeltherapieplatz** entschieden."))
    #expect(!single.contains("Gruppentherapieplatz"))
}
