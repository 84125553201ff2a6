import Testing
import Shared
import TestSupport
@testable import MatchingService

private let emails = MatchingEmails(templates: TemplateLibrary(directory: Repository.path("templates/emails")),
                                    signatory: "Erika Chefin")

private func therapist(geschlecht: String = "weiblich", group: Bool = false, email: JSONValue = "praxis@example.org",
                       phoneHours: JSONValue = ["Di": ["8:00-9:00"]]) -> JSONValue {
    ["anrede": "Frau", "geschlecht": .string(geschlecht), "titel": "Dr.", "vorname": "Anna", "nachname": "Muster",
     "strasse": "Hauptstr. 1", "plz": "10115", "ort": "Berlin", "telefon": "030 123", "email": email,
     "telefonische_erreichbarkeit": phoneHours, "bevorzugt_gruppentherapie": .bool(group)]
}

private let patient: JSONValue = ["geschlecht": "männlich", "vorname": "Max", "nachname": "Beispiel", "email": "max@example.org",
                                  "telefon": "0151 1", "zeitliche_verfuegbarkeit": ["montag": ["09:00-12:00", "14:00-16:00"]]]
private let meeting: JSONValue = ["date": "10.07.2025", "time": "14:00"]

private func render(_ type: SuccessTemplate, therapist: JSONValue = therapist(), forms: [String] = ["Anamnese.pdf"],
                    meeting: JSONValue? = meeting, patient: JSONValue = patient) throws -> RenderedEmail {
    try emails.success(type, patient: patient, therapist: therapist, pdfForms: forms, meeting: meeting)
}

@Test("email_contact: subject, steps, contact block, forms, pre-written email", arguments: [true, false])
func emailContact(withForms: Bool) throws {
    let mail = try render(.emailContact, forms: withForms ? ["Anamnese.pdf"] : [])
    #expect(mail.subject == "Therapieplatz gefunden - bitte zeitnah bearbeiten")
    #expect(mail.markdown.hasPrefix("Sehr geehrter Herr Beispiel,"))
    for phrase in ["Bitte führen Sie folgende Schritte durch:", "Schicken Sie die unten von uns bereits vorformulierte **E-Mail an** die Therapeutin",
                   "#### Kontaktdaten der Therapeutin/des Therapeuten:\n\n**Dr. Anna Muster**", "Telefon: 030 123", "E-Mail: praxis@example.org",
                   "#### Bitte schicken Sie folgende E-Mail:", "**An:** praxis@example.org", "**CC:** info@curavani.com",
                   "**Betreff:** Therapieplatz gemäß Absprache mit Curavani", "Sehr geehrte Frau Dr. Muster,",
                   "Für ein Erstgespräch bin ich wie folgt verfügbar:\n\n- Montag: 09:00-12:00, 14:00-16:00",
                   "#### Wichtige Hinweise:", "**Versicherungskärtchen**", "#### Ihre nächsten Schritte zusammengefasst:",
                   "Mit freundlichen Grüßen\n\nIhr Curavani Team"] {
        #expect(mail.markdown.contains(phrase), "\(phrase)")
    }
    #expect(mail.markdown.contains("#### Wichtige Formulare:") == withForms)
    #expect(mail.markdown.contains("- Anamnese.pdf") == withForms)
    #expect(mail.markdown.contains("Die ausgefüllten Formulare sind im Anhang dieser E-Mail.") == withForms)
    #expect(!mail.markdown.contains("**Datum:**"))
}

@Test("gendered therapist words and group therapy wording")
func genderAndGroup() throws {
    let male = try render(.emailContact, therapist: therapist(geschlecht: "männlich", group: true))
    #expect(male.markdown.contains("**E-Mail an** den Therapeuten"))
    #expect(male.markdown.contains("Sehr geehrter Herr Dr. Muster,"))
    #expect(male.markdown.contains("Psychotherapieplatz in einer Gruppe"))
    #expect(male.markdown.contains("**Betreff:** Gruppentherapieplatz gemäß Absprache mit Curavani"))
    #expect(!male.markdown.contains("Therapeutin "))
    let female = try render(.emailContact)
    #expect(female.markdown.contains("bei dieser Therapeutin"))
    #expect(!female.markdown.contains("in einer Gruppe"))
}

@Test("phone_contact: call instructions, phone hours, e-mail only if set, 6 or 5 steps")
func phoneContact() throws {
    let mail = try render(.phoneContact, therapist: therapist(email: .null))
    for phrase in ["**Rufen Sie** die Therapeutin/den Therapeuten an, um einen Termin für ein persönliches Erstgespräch zu vereinbaren.",
                   "#### Telefonische Kontaktaufnahme:", "Bitte rufen Sie Dr. Muster unter der Nummer **030 123** an.",
                   "##### Telefonische Erreichbarkeit:\n\n- Di: 8:00-9:00", "##### Was Sie am Telefon sagen sollten:",
                   "##### Ihre zeitliche Verfügbarkeit für das Erstgespräch:\n\n- Montag: 09:00-12:00, 14:00-16:00", "6. "] {
        #expect(mail.markdown.contains(phrase), "\(phrase)")
    }
    #expect(!mail.markdown.contains("E-Mail: "))
    let noForms = try render(.phoneContact, therapist: therapist(phoneHours: [:]), forms: [],
                             patient: ["geschlecht": "weiblich", "nachname": "B", "zeitliche_verfuegbarkeit": .null])
    #expect(noForms.markdown.contains("5. ") && !noForms.markdown.contains("6. "))
    #expect(noForms.markdown.contains(EmailFormatting.noPhoneHours))
    #expect(noForms.markdown.contains("Meine Verfügbarkeit bespreche ich gerne persönlich mit Ihnen."))
    #expect(noForms.markdown.hasPrefix("Sehr geehrte Frau B,"))
}

@Test("meeting_confirmation_email: meeting block, confirmation email, date in next steps")
func meetingConfirmationEmail() throws {
    let mail = try render(.meetingConfirmationEmail)
    for phrase in ["#### Ihr Erstgespräch:", "**Datum:** 10.07.2025", "**Uhrzeit:** 14:00", "**Ort:** Praxis Dr. Muster",
                   "**Bei:** Dr. Anna Muster", "#### Wichtige nächste Schritte:", "**Bitte bestätigen Sie den Termin per E-Mail** an",
                   "#### Bitte schicken Sie folgende Bestätigungs-E-Mail:", "**Betreff:** Terminbestätigung Erstgespräch am 10.07.2025",
                   "Ihrer Praxis in Berlin", "**Am 10.07.2025 um 14:00:**"] {
        #expect(mail.markdown.contains(phrase), "\(phrase)")
    }
    let withoutMeeting = try render(.meetingConfirmationEmail, meeting: nil)
    #expect(withoutMeeting.markdown.contains("**Datum:** \n"))
}

@Test("meeting_confirmation_phone: confirm by phone, what to say with date and time")
func meetingConfirmationPhone() throws {
    let mail = try render(.meetingConfirmationPhone)
    for phrase in ["**Bitte bestätigen Sie den Termin telefonisch** bei", "#### Telefonische Terminbestätigung:",
                   "##### Telefonische Erreichbarkeit:", "Termin bestätigen: **10.07.2025 um 14:00 Uhr**", "**Datum:** 10.07.2025"] {
        #expect(mail.markdown.contains(phrase), "\(phrase)")
    }
}

@Test("meeting fields only for the meeting_confirmation types")
func meetingOnlyForConfirmations() throws {
    let mail = try render(.emailContact)
    #expect(!mail.markdown.contains("10.07.2025"))
}
