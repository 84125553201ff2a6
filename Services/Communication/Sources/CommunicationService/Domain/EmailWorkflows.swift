internal import Shared
internal import SMTP

/// The email use cases of §2: create (validation in the spec's order, content rendering, the
/// sender defaults) and update (the patient's last contact when an email becomes `Gesendet`).
struct EmailWorkflows: Sendable {
    let store: any EmailStore
    let contacts: any LastContactRecording
    /// `EMAIL_SENDER`, `EMAIL_SENDER_NAME`.
    let sender: String
    let senderName: String
    let footer: LegalFooter

    func create(_ body: JSONObject) async throws -> EmailRecord {
        let values = try EmailInput.values(EmailInput.createSchema, body, mode: .create)
        let recipient = try EmailInput.recipient(values)
        let markdown = values["inhalt_markdown"]?.text, html = values["inhalt_html"]?.text, text = values["inhalt_text"]?.text
        guard [markdown, html, text].contains(where: { !($0 ?? "").isEmpty }) else {
            throw EmailError.invalid("Either inhalt_html, inhalt_text, or inhalt_markdown is required")
        }
        let attachments = try EmailInput.attachments(values["attachments"]) ?? []
        let status = try Self.status(values) ?? .entwurf
        for field in ["empfaenger_email", "absender_email"] {
            if let address = values[field]?.text, !address.isEmpty, !MailMessage.isDeliverable(address) {
                throw EmailError.invalid("Invalid \(field): \(address)")
            }
        }
        let withFooter = values["add_legal_footer"]?.flag ?? true
        let content = EmailContent.forEmail(markdown: markdown, html: html, text: text, footer: withFooter ? footer : nil)
        let email = NewEmail(recipient: recipient, subject: values["betreff"]?.text ?? "", content: content,
                             recipientEmail: values["empfaenger_email"]?.text ?? "",
                             recipientName: values["empfaenger_name"]?.text ?? "",
                             senderEmail: Self.nonEmpty(values["absender_email"]?.text) ?? sender,
                             senderName: Self.nonEmpty(values["absender_name"]?.text) ?? senderName,
                             status: status, attachments: attachments)
        return try await store.insert(email)
    }

    func update(_ id: Int, _ body: JSONObject) async throws -> EmailRecord {
        let values = try EmailInput.values(EmailInput.updateSchema, body, mode: .update)
        let changes: EmailChanges
        do {
            changes = try Self.changes(values)
        } catch {
            // §2.4: a missing email is 404 before any value check; only a refused body pays for the lookup.
            guard try await store.record(id) != nil else { throw EmailError.notFound }
            throw error
        }
        guard let result = try await store.update(id, changes) else { throw EmailError.notFound }
        if changes.status == .gesendet, result.previous != .gesendet, let patient = result.patientID {
            await contacts.recordContact(patientID: patient, on: LocalDate.localToday())
        }
        return result.record
    }

    /// The value checks of `PUT` in the spec's order: status, `antwortdatum`, attachments.
    static func changes(_ values: [String: InputValue]) throws(EmailError) -> EmailChanges {
        var changes = EmailChanges()
        changes.status = try status(values)
        changes.antwortdatum = try values["antwortdatum"]?.text.map { (text: String) throws(EmailError) in try EmailInput.timestamp(text) }
        changes.antwortErhalten = values["antwort_erhalten"]?.flag
        changes.antwortinhalt = values["antwortinhalt"]?.text
        changes.fehlermeldung = values["fehlermeldung"]?.text
        changes.attachments = try EmailInput.attachments(values["attachments"])
        return changes
    }

    static func nonEmpty(_ text: String?) -> String? { (text ?? "").isEmpty ? nil : text }

    /// The `status` member; `""` counts as not provided.
    static func status(_ values: [String: InputValue]) throws(EmailError) -> Emailstatus? {
        guard let text = nonEmpty(values["status"]?.text) else { return nil }
        return try Emailstatus.parse(text)
    }
}
