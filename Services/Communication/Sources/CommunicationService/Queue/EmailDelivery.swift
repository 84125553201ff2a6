internal import Shared
internal import SMTP

/// Sends one claimed email through the relay (§6.1) and classifies the outcome for the worker.
/// Never throws: every failure becomes a `DeliveryOutcome` whose text names the failure class,
/// never an address or a body.
struct EmailDelivery: Sendable {
    let smtp: SMTPClient
    let attachments: AttachmentFiles
    let logger: Logger

    func deliver(_ email: QueuedEmail) async -> DeliveryOutcome {
        let (files, skipped) = attachments.load(email.attachments)
        if !skipped.isEmpty {
            logger.warning("attachments skipped", ["email_id": String(email.id), "skipped": skipped.joined(separator: "; ")])
        }
        let message: MailMessage
        do {
            message = try MailMessage(senderAddress: email.senderEmail, senderName: email.senderName,
                                      recipients: [email.recipientEmail], subject: email.subject,
                                      text: email.text, html: email.html, attachments: files)
        } catch {
            return .permanentFailure("Failed to send email: \(error)")
        }
        do {
            try await smtp.send(message, messageID: email.messageID)
            return .sent
        } catch {
            return Self.classify(error)
        }
    }

    /// Relay-wide problems keep the email queued; 4xx and timeouts are the message's temporary
    /// failures; the rest is permanent.
    static func classify(_ error: SMTPError) -> DeliveryOutcome {
        let text = "Failed to send email: \(error.description)"
        switch error.reason {
        case .connection, .tls, .authentication: return .relayUnavailable(text)
        case .timeout, .rejected, .other: return error.isTemporary ? .temporaryFailure(text) : .permanentFailure(text)
        }
    }
}
