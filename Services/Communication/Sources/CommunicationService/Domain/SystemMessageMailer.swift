internal import Shared
internal import SMTP

/// Sends system messages straight through the relay, without storing them (§4). Used by
/// `POST /api/system-messages` and by the queue worker's error notification.
struct SystemMessageMailer: SystemMessageSending {
    let smtp: SMTPClient
    /// `EMAIL_SENDER`: the From address.
    let sender: String
    /// `SYSTEM_NOTIFICATION_EMAIL`: the default recipient.
    let defaultRecipient: String
    let footer: LegalFooter

    /// The recipient address `message` goes to.
    func recipient(of message: SystemMessage) -> String { message.recipientEmail ?? defaultRecipient }

    /// The mail for `message`; throws when an address or the subject cannot go into a header.
    func compose(_ message: SystemMessage) throws(MailMessageError) -> MailMessage {
        let content = EmailContent.forSystemMessage(message.message, processMarkdown: message.processMarkdown,
                                                    footer: message.addLegalFooter ? footer : nil)
        return try MailMessage(senderAddress: sender, senderName: message.senderName ?? "Curavani System",
                               recipients: [recipient(of: message)], subject: message.subject,
                               text: content.text, html: content.html)
    }

    func send(_ message: SystemMessage) async throws(PeerError) {
        let mail: MailMessage
        do { mail = try compose(message) } catch { throw PeerError("system message refused: \(error.description)") }
        do { try await smtp.send(mail) } catch { throw PeerError("system message not sent: \(error.description)") }
    }
}
