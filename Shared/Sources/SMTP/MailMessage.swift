/// One email to deliver: envelope, headers and bodies, validated on construction so that
/// building its MIME form cannot fail and no header can be injected.
public struct MailMessage: Sendable {
    /// The sender address (`EMAIL_SENDER`), also the SMTP envelope sender.
    public let senderAddress: String
    /// The sender's display name (`EMAIL_SENDER_NAME`); may contain any Unicode.
    public let senderName: String
    /// The recipients, both `To:` and envelope recipients (at least one).
    public let recipients: [String]
    /// The subject; may contain any Unicode.
    public let subject: String
    /// The plain-text body; the `text/plain` part is left out when empty.
    public let text: String
    /// The HTML body.
    public let html: String
    /// Files attached after the bodies.
    public let attachments: [MailAttachment]

    /// Validates every field: addresses must be plain ASCII `local@domain`, and no header value
    /// (name, subject, addresses) may contain CR, LF or other control characters.
    public init(senderAddress: String, senderName: String, recipients: [String], subject: String,
                text: String, html: String, attachments: [MailAttachment] = []) throws(MailMessageError) {
        try MailAddress.validate(senderAddress, field: .sender)
        guard !recipients.isEmpty else { throw .noRecipients }
        for recipient in recipients { try MailAddress.validate(recipient, field: .recipient) }
        try MailAddress.validateHeaderText(senderName, field: .senderName)
        try MailAddress.validateHeaderText(subject, field: .subject)
        for attachment in attachments { try MailAddress.validateHeaderText(attachment.filename, field: .filename) }
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.recipients = recipients
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
    }

    /// Whether `address` is a plain ASCII `local@domain` this message format accepts (the check
    /// of `init`, for validating input before a message is built).
    public static func isDeliverable(_ address: String) -> Bool {
        (try? MailAddress.validate(address, field: .recipient)) != nil
    }

    /// The domain of the sender address (used for `Message-ID`).
    public var senderDomain: Substring { senderAddress[senderAddress.index(after: senderAddress.lastIndex(of: "@")!)...] }
}

/// A file attached to a `MailMessage`.
public struct MailAttachment: Sendable {
    /// The name shown to the recipient (a basename; Unicode allowed, no control characters).
    public let filename: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// An attachment named `filename` with content `bytes`.
    public init(filename: String, bytes: [UInt8]) {
        self.filename = filename
        self.bytes = bytes
    }

    /// The MIME type derived from the filename's extension (`application/octet-stream` if unknown).
    public var contentType: String {
        let ext = filename.split(separator: ".", omittingEmptySubsequences: false).last.map { $0.lowercased() } ?? ""
        return filename.contains(".") ? Self.types[ext] ?? "application/octet-stream" : "application/octet-stream"
    }

    private static let types = [
        "pdf": "application/pdf", "txt": "text/plain", "html": "text/html", "csv": "text/csv",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "json": "application/json", "zip": "application/zip", "ics": "text/calendar",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
}
