import Testing
import Shared
import TestSupport
@testable import MatchingService

private func day(_ text: String) -> LocalDate { LocalDate(text)! }

@Test("age: completed years, birthday edge cases (month end, leap day), missing or malformed → nil")
func ageInCompletedYears() {
    #expect(EmailFormatting.age(birthDate: "1990-07-03", on: day("2025-07-02")) == 34)
    #expect(EmailFormatting.age(birthDate: "1990-07-03", on: day("2025-07-03")) == 35)
    #expect(EmailFormatting.age(birthDate: "1990-01-31", on: day("2025-02-28")) == 35)
    #expect(EmailFormatting.age(birthDate: "1990-03-31", on: day("2025-03-30")) == 34)
    #expect(EmailFormatting.age(birthDate: "2000-02-29", on: day("2025-02-28")) == 24)
    #expect(EmailFormatting.age(birthDate: "2000-02-29", on: day("2025-03-01")) == 25)
    #expect(EmailFormatting.age(birthDate: "2000-02-29", on: day("2024-02-29")) == 24)
    #expect(EmailFormatting.age(birthDate: nil, on: day("2025-01-01")) == nil)
    #expect(EmailFormatting.age(birthDate: .null, on: day("2025-01-01")) == nil)
    #expect(EmailFormatting.age(birthDate: "03.07.1990", on: day("2025-01-01")) == nil)
}

@Test("German long date: zero-padded day, German month names")
func germanLongDate() {
    #expect(EmailFormatting.germanLongDate(day("2025-07-03")) == "03. Juli 2025")
    #expect(EmailFormatting.germanLongDate(day("2024-03-15")) == "15. März 2024")
    #expect(EmailFormatting.germanLongDate(day("2023-12-31")) == "31. Dezember 2023")
    #expect(EmailFormatting.germanLongDate(day("2023-01-01")) == "01. Januar 2023")
}

@Test("inquiry availability: first range per day in week order, German or English keys")
func inquiryAvailability() {
    let availability: JSONValue = ["dienstag": ["10:00-12:00", "14:00-16:00"], "montag": ["09:00-17:00"],
                                   "sunday": ["08:00-09:00"], "mittwoch": []]
    #expect(EmailFormatting.inquiryAvailability(availability)
        == "Montag: 09:00 - 17:00 Uhr\nDienstag: 10:00 - 12:00 Uhr\nSonntag: 08:00 - 09:00 Uhr")
    #expect(EmailFormatting.inquiryAvailability(nil) == "Nicht angegeben")
    #expect(EmailFormatting.inquiryAvailability(.null) == "Nicht angegeben")
    #expect(EmailFormatting.inquiryAvailability(["montag": []]) == "Nicht angegeben")
}

@Test("availability_formatted: Monday to Friday only, all ranges; none → the spec's sentence")
func weekdayAvailability() {
    let availability: JSONValue = ["freitag": ["08:00-10:00"], "monday": ["09:00-12:00", "14:00-18:00"],
                                   "samstag": ["10:00-12:00"]]
    #expect(EmailFormatting.weekdayAvailability(availability) == "- Montag: 09:00-12:00, 14:00-18:00\n- Freitag: 08:00-10:00")
    #expect(EmailFormatting.weekdayAvailability(["samstag": ["10:00-12:00"]])
        == "Meine Verfügbarkeit bespreche ich gerne persönlich mit Ihnen.")
}

@Test("phone_availability_formatted: Mo…So in order; lowercase keys ignored; none → the spec's text")
func phoneAvailability() {
    #expect(EmailFormatting.phoneAvailability(["Do": ["14:00-15:00"], "Mo": ["8:00-9:00", "12:00-13:00"]])
        == "- Mo: 8:00-9:00, 12:00-13:00\n- Do: 14:00-15:00")
    #expect(EmailFormatting.phoneAvailability(["montag": ["8:00-9:00"]]) == EmailFormatting.noPhoneHours)
    #expect(EmailFormatting.noPhoneHours
        == "Es gibt keine telefonische Erreichbarkeit. Bitte sprechen Sie auf den Anrufbeantworter. Sie werden dann zurückgerufen.")
}

@Test("symptoms, yes/no, display name")
func smallFormatters() {
    #expect(EmailFormatting.symptoms(["Depression", "Angst"]) == "Depression, Angst")
    #expect(EmailFormatting.symptoms(.null) == "Nicht angegeben")
    #expect(EmailFormatting.symptoms([]) == "Nicht angegeben")
    #expect(EmailFormatting.yesNo(true) == "Ja")
    #expect(EmailFormatting.yesNo(false) == "Nein")
    #expect(EmailFormatting.yesNo(nil) == "Nein")
    #expect(EmailFormatting.displayName(["titel": "Dr.", "vorname": "Anna", "nachname": "Muster"]) == "Dr. Anna Muster")
    #expect(EmailFormatting.displayName(["titel": .null, "vorname": "Anna", "nachname": "Muster"]) == "Anna Muster")
}

@Test("salutations by anrede / geschlecht, title only when set")
func salutations() {
    #expect(EmailFormatting.therapistSalutation(["anrede": "Frau", "titel": "Dr.", "nachname": "Muster"])
        == "Sehr geehrte Frau Dr. Muster,")
    #expect(EmailFormatting.therapistSalutation(["anrede": "Herr", "titel": .null, "nachname": "Muster"])
        == "Sehr geehrter Herr Muster,")
    #expect(EmailFormatting.therapistSalutation(["nachname": "Muster"]) == "Sehr geehrte Damen und Herren Muster,")
    #expect(EmailFormatting.patientSalutation(["geschlecht": "männlich", "nachname": "Beispiel"]) == "Sehr geehrter Herr Beispiel,")
    #expect(EmailFormatting.patientSalutation(["geschlecht": "divers", "nachname": "Beispiel"]) == "Sehr geehrte Frau Beispiel,")
    #expect(EmailFormatting.therapistGreeting(["geschlecht": "männlich", "titel": "Dr.", "nachname": "Muster"])
        == "Sehr geehrter Herr Dr. Muster,")
    #expect(EmailFormatting.therapistGreeting(["geschlecht": "weiblich", "nachname": "Muster"]) == "Sehr geehrte Frau Muster,")
}

@Test("therapist words: female forms only for weiblich")
func therapistWords() {
    let female = EmailFormatting.therapistWords(["geschlecht": "weiblich"])
    let male = EmailFormatting.therapistWords(["geschlecht": "männlich"])
    #expect(female["akkusativ"] == "die Therapeutin" && female["nominativ"] == "Die Therapeutin")
    #expect(female["dativ_dies"] == "dieser Therapeutin" && female["wort"] == "Therapeutin")
    #expect(male["akkusativ"] == "den Therapeuten" && male["dativ"] == "dem Therapeuten" && male["genitiv"] == "des Therapeuten")
    #expect(male["nominativ"] == "Der Therapeut" && male["dativ_dies"] == "diesem Therapeuten")
    #expect(EmailFormatting.therapistWords(["geschlecht": "divers"]) == male)
}

@Test("success template: file names; nil or unknown type → email_contact")
func successTemplateChoice() {
    #expect(SuccessTemplate(requested: nil) == .emailContact)
    #expect(SuccessTemplate(requested: "fax_contact") == .emailContact)
    #expect(SuccessTemplate(requested: "phone_contact") == .phoneContact)
    #expect(SuccessTemplate.meetingConfirmationPhone.fileName == "patient_success_meeting_confirmation_phone.md")
    #expect(SuccessTemplate.emailContact.fileName == "patient_success_email_contact.md")
}
