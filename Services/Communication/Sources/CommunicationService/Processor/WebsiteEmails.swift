internal import Shared

/// Turns a verified website file into the email to send (communication.md §7.1–7.3): reads the
/// payload, renders the template and falls back to a short plain text when rendering fails.
struct WebsiteEmails: Sendable {
    static let contactSenderName = "Curavani Kontaktformular"
    static let supportRecipientName = "Curavani Support"

    let templates: TemplateLibrary
    /// `EMAIL_SENDER_NAME`, or `Curavani` when unset: the sender of the visitor emails.
    let senderName: String
    /// `SUPPORT_PHONE` for the verification email ("" leaves it out).
    let supportPhone: String
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp

    /// The message for a file of `kind`; throws the failure of §7 step 2 or 3.
    func message(for kind: ProcessorKind, document: SignedJSONDocument) throws(ProcessingError) -> SystemMessage {
        let year = clock().date.year
        switch kind {
        case .verification:
            let request = try VerificationRequest(data: ProcessingError.payload(document.data))
            let body = render(VerificationRequest.template, request.context(year: year, supportPhone: supportPhone),
                              fallback: request.fallback)
            return visitorMessage(subject: request.subject, body: body, to: request.email)
        case .waitlist:
            let request = try WaitlistRequest(data: ProcessingError.payload(document.data))
            let body = render(request.template, request.context(year: year), fallback: request.fallback)
            return visitorMessage(subject: request.subject, body: body, to: request.email)
        case .contact:
            let request = try ContactRequest(document: document)
            let body = render(ContactRequest.template, request.context(), fallback: request.fallback)
            return SystemMessage(subject: request.subject, message: body, senderName: Self.contactSenderName,
                                 recipientEmail: request.supportEmail, recipientName: Self.supportRecipientName,
                                 processMarkdown: true, addLegalFooter: false)
        }
    }

    /// To the visitor, as Markdown with the legal footer, no recipient name.
    private func visitorMessage(subject: String, body: String, to email: String) -> SystemMessage {
        SystemMessage(subject: subject, message: body, senderName: senderName, recipientEmail: email,
                      recipientName: "", processMarkdown: true, addLegalFooter: true)
    }

    private func render(_ name: String, _ context: [String: TemplateValue], fallback: String) -> String {
        do { return try templates.render(name, context) } catch {
            logger.warning("email template failed; sending the plain fallback", ["template": name, "error": error.description])
            return fallback
        }
    }
}
