/// Which success template (§8.3 step 3); unknown or nil → `.emailContact`.
enum SuccessTemplate: String, CaseIterable, Sendable {
    case emailContact = "email_contact", phoneContact = "phone_contact"
    case meetingConfirmationEmail = "meeting_confirmation_email", meetingConfirmationPhone = "meeting_confirmation_phone"

    /// The template named by `email_template_type`; nil or unknown values mean `email_contact`.
    init(requested: String?) {
        self = requested.flatMap(SuccessTemplate.init(rawValue:)) ?? .emailContact
    }

    /// The file in `templates/emails`, e.g. `patient_success_email_contact.md`.
    var fileName: String { "patient_success_" + rawValue + ".md" }

    /// The two `meeting_confirmation_*` types, which show the arranged first session.
    var confirmsMeeting: Bool { rawValue.hasPrefix("meeting_confirmation") }
}

/// A rendered email: the subject and the Markdown body (`inhalt_markdown`).
struct RenderedEmail: Sendable, Equatable {
    let subject: String
    let markdown: String
}
