internal import Shared

/// Renders the matching service's emails from `templates`; peer objects are the JSON the
/// patient/therapist services serve (patient.md §1, therapist.md §1 field names).
struct MatchingEmails: Sendable {
    static let inquiryTemplate = "psychotherapie_anfrage.md"
    static let reminderTemplate = "anfrage_reminder.md"
    static let successSubject = "Therapieplatz gefunden - bitte zeitnah bearbeiten"

    let templates: TemplateLibrary
    /// COMPANY_CEO: the signatory of inquiry and reminder emails.
    let signatory: String

    /// §8.1 inquiry, subject `Suche Psychotherapieplätze - Ref: A<id>`; patients in bundle order.
    func inquiry(anfrageID: Int, therapist: JSONValue, patients: [JSONValue], today: LocalDate) throws(TemplateError) -> RenderedEmail {
        let context = bundleContext(anfrageID: anfrageID, therapist: therapist, patients: patients, today: today)
        return try render(Self.inquiryTemplate, context, subject: "Suche Psychotherapieplätze - Ref: A\(anfrageID)")
    }

    /// §8.2 reminder, subject `Erinnerung: Therapieanfrage - Ref: A<id>`.
    func reminder(anfrageID: Int, therapist: JSONValue, patients: [JSONValue], daysSinceSent: Int,
                  today: LocalDate) throws(TemplateError) -> RenderedEmail {
        var context = bundleContext(anfrageID: anfrageID, therapist: therapist, patients: patients, today: today)
        context["days_since_sent"] = .int(daysSinceSent)
        return try render(Self.reminderTemplate, context, subject: "Erinnerung: Therapieanfrage - Ref: A\(anfrageID)")
    }

    /// §8.3 success email, subject `Therapieplatz gefunden - bitte zeitnah bearbeiten`; `meeting` is the
    /// request's `meeting_details` object (`date`, `time`) or nil; `pdfForms` the forms' file names.
    func success(_ template: SuccessTemplate, patient: JSONValue, therapist: JSONValue, pdfForms: [String],
                 meeting: JSONValue?) throws(TemplateError) -> RenderedEmail {
        var context: [String: TemplateValue] = [
            "patient": TemplateValue(json: patient), "therapist": TemplateValue(json: therapist),
            "is_group_therapy": .bool(therapist["bevorzugt_gruppentherapie"]?.boolValue == true),
            "has_email": .bool(EmailFormatting.nonEmpty(therapist["email"]) != nil),
            "has_phone": .bool(EmailFormatting.nonEmpty(therapist["telefon"]) != nil),
            "has_pdf_forms": .bool(!pdfForms.isEmpty), "pdf_forms": .list(pdfForms.map(TemplateValue.string)),
            "patient_salutation": .string(EmailFormatting.patientSalutation(patient)),
            "therapist_greeting": .string(EmailFormatting.therapistGreeting(therapist)),
            "therapist_name": .string(EmailFormatting.displayName(therapist)),
            "therapist_short_name": .string(EmailFormatting.titledLastName(therapist)),
            "therapeut": .dict(EmailFormatting.therapistWords(therapist)),
        ]
        if let availability = patient["zeitliche_verfuegbarkeit"], TemplateValue(json: availability).isTruthy {
            context["availability_formatted"] = .string(EmailFormatting.weekdayAvailability(availability))
        }
        if let hours = therapist["telefonische_erreichbarkeit"], TemplateValue(json: hours).isTruthy {
            context["phone_availability_formatted"] = .string(EmailFormatting.phoneAvailability(hours))
        }
        if let meeting, template.confirmsMeeting {
            context["meeting_date"] = TemplateValue(json: meeting["date"] ?? .null)
            context["meeting_time"] = TemplateValue(json: meeting["time"] ?? .null)
        }
        return try render(template.fileName, context, subject: Self.successSubject)
    }

    /// Context shared by inquiry and reminder: `therapist`, `salutation`, `patient_count`,
    /// `patients` (prepared rows, see `patientRow`), `anfrage_id`, `signatory`.
    private func bundleContext(anfrageID: Int, therapist: JSONValue, patients: [JSONValue],
                               today: LocalDate) -> [String: TemplateValue] {
        ["anfrage_id": .int(anfrageID), "signatory": .string(signatory),
         "therapist": TemplateValue(json: therapist),
         "salutation": .string(EmailFormatting.therapistSalutation(therapist)),
         "patient_count": .int(patients.count),
         "patients": .list(patients.map { .dict(Self.patientRow($0, today: today)) })]
    }

    /// One patient of an inquiry, every value ready to print: `id`, `alter` (int or null),
    /// `geschlecht`, `symptome`, `krankenversicherung`, `erfahrung`, `letzte_sitzung` (empty
    /// unless experience and a date), `gruppentherapie`, `verfuegbarkeit`.
    static func patientRow(_ patient: JSONValue, today: LocalDate) -> [String: TemplateValue] {
        var lastSession = ""
        if patient["erfahrung_mit_psychotherapie"]?.boolValue == true,
           let text = EmailFormatting.nonEmpty(patient["letzte_sitzung_vorherige_psychotherapie"]) {
            lastSession = LocalDate(text).map(EmailFormatting.germanLongDate) ?? text
        }
        return [
            "id": TemplateValue(json: patient["id"] ?? .null),
            "alter": EmailFormatting.age(birthDate: patient["geburtsdatum"], on: today).map(TemplateValue.int) ?? .null,
            "geschlecht": .string(EmailFormatting.text(patient["geschlecht"], or: "")),
            "symptome": .string(EmailFormatting.symptoms(patient["symptome"])),
            "krankenversicherung": .string(EmailFormatting.text(patient["krankenkasse"])),
            "erfahrung": .string(EmailFormatting.yesNo(patient["erfahrung_mit_psychotherapie"])),
            "letzte_sitzung": .string(lastSession),
            "gruppentherapie": .string(EmailFormatting.yesNo(patient["offen_fuer_gruppentherapie"])),
            "verfuegbarkeit": .string(EmailFormatting.inquiryAvailability(patient["zeitliche_verfuegbarkeit"])),
        ]
    }

    private func render(_ name: String, _ context: [String: TemplateValue], subject: String) throws(TemplateError) -> RenderedEmail {
        let split = Template.splitSubject(try templates.render(name, context), default: subject)
        return RenderedEmail(subject: split.subject, markdown: split.body)
    }
}
