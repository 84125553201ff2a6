internal import Shared

/// One direct email that is sent at once and never stored (communication.md §4): internal
/// notifications and the website's verification and contact emails. Unset fields take the
/// defaults of `POST /api/system-messages`.
struct SystemMessage: Sendable, Equatable {
    var subject: String
    var message: String
    /// Display name of the sender; default `Curavani System`.
    var senderName: String? = nil
    /// Default `SYSTEM_NOTIFICATION_EMAIL`.
    var recipientEmail: String? = nil
    /// Default `Curavani Support` (not used in the message).
    var recipientName: String? = nil
    /// Render `message` as Markdown (§5.1 without URL pre-processing); otherwise `<pre>message</pre>`.
    var processMarkdown = false
    /// Append the legal footer (§5.3).
    var addLegalFooter = false

    /// The request body of `POST /api/system-messages`.
    var json: JSONValue {
        var object: JSONObject = ["subject": .string(subject), "message": .string(message),
                                  "process_markdown": .bool(processMarkdown), "add_legal_footer": .bool(addLegalFooter)]
        if let senderName { object["sender_name"] = .string(senderName) }
        if let recipientEmail { object["recipient_email"] = .string(recipientEmail) }
        if let recipientName { object["recipient_name"] = .string(recipientName) }
        return .object(object)
    }
}

/// Sends system messages. The storage processor and the queue worker's error notification use
/// it; the HTTP implementation posts to the service's own `/api/system-messages` (§7).
protocol SystemMessageSending: Sendable {
    /// Sends `message`; throws a description of the failure (never containing the body).
    func send(_ message: SystemMessage) async throws(PeerError)
}
