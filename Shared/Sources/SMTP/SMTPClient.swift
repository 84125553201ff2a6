import Shared

/// Delivers `MailMessage`s to one SMTP relay with libcurl (STARTTLS when configured, AUTH when
/// credentials are given). Each delivery runs on an `OwnedThread` of its own: the blocking
/// libcurl calls never occupy the Swift concurrency pool. One connection per message.
public struct SMTPClient: Sendable {
    /// The relay and its settings.
    public let configuration: SMTPConfiguration

    /// A client for the relay in `configuration`.
    public init(configuration: SMTPConfiguration) { self.configuration = configuration }

    /// libcurl's version (for startup logs), e.g. `7.88.1`.
    public static var libcurlVersion: String { CurlSMTPTransfer.version }

    /// Sends `message` (envelope from its sender to all its recipients); returns when the relay
    /// accepted it. Bounded by `configuration.totalTimeout`; not cancellable midway. A stable
    /// `messageID` (the part before `@`) lets receivers recognise a message sent again.
    public func send(_ message: MailMessage, messageID: String? = nil) async throws(SMTPError) {
        let bytes = message.mimeBytes(messageID: messageID)
        let configuration = configuration
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, SMTPError>, Never>) in
            OwnedThread(name: "smtp-send") {
                continuation.resume(returning: CurlSMTPTransfer.perform(
                    configuration, sender: message.senderAddress, recipients: message.recipients, bytes: bytes))
            }.detach()
        }
        try result.get()
    }
}
