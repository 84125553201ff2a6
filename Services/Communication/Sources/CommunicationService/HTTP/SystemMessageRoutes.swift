internal import Shared
internal import SMTP

/// `POST /api/system-messages` (communication.md §4): one email sent at once, never stored.
struct SystemMessageRoutes: Sendable {
    let mailer: SystemMessageMailer
    let logger: Logger

    func register(on router: inout Router) {
        router.post("/api/system-messages", use: send)
    }

    @Sendable func send(_ request: Request, _ context: RequestContext) async throws -> Response {
        let message = try Self.message(try request.jsonObject())
        let recipient = mailer.recipient(of: message)
        let mail: MailMessage
        do { mail = try mailer.compose(message) } catch {
            // ⚠ The original answered 500 `Error sending system message: …`; bad input is a 400.
            throw Problem(.badRequest, "Invalid system message: \(error.description)", code: "system_message.invalid")
        }
        do {
            try await mailer.smtp.send(mail)
        } catch {
            logger.warning("system message not sent", ["error": error.description])
            return .json(bytes: JSONWriter().bytes(["message": "Failed to send system message", "recipient": .string(recipient)]),
                         status: .internalServerError)
        }
        return .json(bytes: JSONWriter().bytes(["message": "System message sent successfully", "recipient": .string(recipient)]))
    }

    /// The body's fields with the §4 defaults; `No data provided`, `Subject is required`,
    /// `Message is required`.
    static func message(_ body: JSONObject) throws(Problem) -> SystemMessage {
        guard body.count > 0 else { throw Problem(.badRequest, "No data provided", code: "system_message.invalid") }
        func text(_ key: String) -> String? {
            guard let value = body[key], !value.isNull else { return nil }
            return value.pythonText
        }
        guard let subject = text("subject") else { throw Problem(.badRequest, "Subject is required", code: "system_message.invalid") }
        guard let message = text("message") else { throw Problem(.badRequest, "Message is required", code: "system_message.invalid") }
        return SystemMessage(subject: subject, message: message, senderName: text("sender_name"),
                             recipientEmail: text("recipient_email"), recipientName: text("recipient_name"),
                             processMarkdown: body["process_markdown"].map { !$0.isFalsy } ?? false,
                             addLegalFooter: body["add_legal_footer"].map { !$0.isFalsy } ?? false)
    }
}
