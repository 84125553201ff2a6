import Testing
import Shared
import TestSupport
@testable import MatchingService

private let emails = MatchingEmails(templates: TemplateLibrary(directory: Repository.path("templates/emails")),
                                    signatory: "Erika Chefin")
private let today = LocalDate("2025-07-03")!

private func therapist(informed: Bool = false, geschlecht: String = "weiblich", group: Bool = false,
                       email: JSONValue = "praxis@example.org", phoneHours: JSONValue = ["Di": ["8:00-9:00"]]) -> JSONValue {
    ["id": 7, "anrede": geschlecht == "weiblich" ? "Frau" : "Herr", "geschlecht": .string(geschlecht), "titel": "Dr.",
     "vorname": "Anna", "nachname": "Muster", "strasse": "Hauptstr. 1", "plz": "10115", "ort": "Berlin",
     "telefon": "030 123", "email": email, "telefonische_erreichbarkeit": phoneHours,
     "ueber_curavani_informiert": .bool(informed), "bevorzugt_gruppentherapie": .bool(group)]
}

private func patient(experience: Bool = true, lastSession: JSONValue = "2024-03-15") -> JSONValue {
    ["id": 42, "anrede": "Herr", "geschlecht": "männlich", "vorname": "Max", "nachname": "Beispiel",
     "email": "max@example.org", "telefon": "0151 1", "geburtsdatum": "1990-07-04", "symptome": ["Depression", "Angst"],
     "krankenkasse": .null, "erfahrung_mit_psychotherapie": .bool(experience),
     "letzte_sitzung_vorherige_psychotherapie": lastSession, "offen_fuer_gruppentherapie": true,
     "zeitliche_verfuegbarkeit": ["montag": ["09:00-17:00", "18:00-19:00"]]]
}

@Test("every template in templates/emails parses, the six matching ones included")
func allTemplatesParse() throws {
    let names = try TemplateLibrary(directory: Repository.path("templates/emails")).preload()
    for file in ["psychotherapie_anfrage.md", "anfrage_reminder.md"] + SuccessTemplate.allCases.map(\.fileName) {
        #expect(names.contains(file))
    }
}

@Test("inquiry: subject, salutation, Curavani intro when not informed, per-patient block, closing")
func inquiry() throws {
    let mail = try emails.inquiry(anfrageID: 12, therapist: therapist(), patients: [patient()], today: today)
    #expect(mail.subject == "Suche Psychotherapieplätze - Ref: A12")
    #expect(mail.markdown.hasPrefix("Sehr geehrte Frau Dr. Muster,\n\n"))
    #expect(!mail.markdown.contains("Betreff"))
    #expect(mail.markdown.contains("für 1 Patienten"))
    #expect(mail.markdown.contains("[www.curavani.com/therapeuten.html](https://www.curavani.com/therapeuten.html)"))
    for line in ["**Patienten-ID:** 42", "**Alter:** 34 Jahre", "**Geschlecht:** männlich", "**Symptome:** Depression, Angst",
                 "**Krankenversicherung:** Nicht angegeben", "**Erfahrung mit Psychotherapie:** Ja",
                 "**Letzte Sitzung vorherige Psychotherapie:** 15. März 2024", "**Offen für Gruppentherapie:** Ja",
                 "**Zeitliche Verfügbarkeit:**\nMontag: 09:00 - 17:00 Uhr\n",
                 "Mit freundlichen Grüßen\n\n**Erika Chefin**\nTelefon: +49 151 46359691"] {
        #expect(mail.markdown.contains(line), "\(line)")
    }
    let informed = try emails.inquiry(anfrageID: 12, therapist: therapist(informed: true), patients: [patient()], today: today)
    #expect(!informed.markdown.contains("curavani.com/therapeuten"))
}

@Test("inquiry: the last-session line needs experience and a date; patients keep bundle order")
func inquiryLastSession() throws {
    let noExperience = try emails.inquiry(anfrageID: 1, therapist: therapist(), patients: [patient(experience: false)], today: today)
    #expect(!noExperience.markdown.contains("Letzte Sitzung"))
    let noDate = try emails.inquiry(anfrageID: 1, therapist: therapist(), patients: [patient(lastSession: .null)], today: today)
    #expect(!noDate.markdown.contains("Letzte Sitzung"))
    let second: JSONValue = ["id": 99, "geburtsdatum": .null, "zeitliche_verfuegbarkeit": .null]
    let both = try emails.inquiry(anfrageID: 1, therapist: therapist(), patients: [patient(), second], today: today)
    let first = both.markdown.ranges(of: "**Patienten-ID:** 42").first!.lowerBound
    let later = both.markdown.ranges(of: "**Patienten-ID:** 99").first!.lowerBound
    #expect(first < later)
    #expect(both.markdown.contains("für 2 Patienten"))
    #expect(both.markdown.contains("**Alter:** Nicht angegeben"))
    #expect(both.markdown.contains("**Zeitliche Verfügbarkeit:**\nNicht angegeben"))
}

@Test("reminder: subject, days since sent, no Curavani introduction")
func reminder() throws {
    let mail = try emails.reminder(anfrageID: 5, therapist: therapist(geschlecht: "männlich"), patients: [patient()],
                                   daysSinceSent: 7, today: today)
    #expect(mail.subject == "Erinnerung: Therapieanfrage - Ref: A5")
    #expect(mail.markdown.hasPrefix("Sehr geehrter Herr Dr. Muster,"))
    #expect(mail.markdown.contains("vor 7 Tagen"))
    #expect(!mail.markdown.contains("curavani.com/therapeuten"))
    #expect(mail.markdown.contains("**Patienten-ID:** 42"))
}
