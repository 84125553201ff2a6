/// A failed delivery, classified for the queue worker: `isTemporary` failures (4xx replies,
/// connection problems, timeouts, TLS) are worth a later retry, permanent ones (5xx) are not.
/// `description` is safe to log: no addresses, bodies or credentials, no server reply text.
public struct SMTPError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: String, Sendable {
        /// The relay could not be resolved or reached, or the connection broke.
        case connection
        /// Connect or total timeout expired.
        case timeout
        /// STARTTLS was required but not offered or refused, or the TLS handshake failed.
        /// Temporary: it is a state of the relay, not of the message (bounded retries end it).
        case tls
        /// The relay rejected the credentials.
        case authentication
        /// The relay answered a command with an error reply (see `replyCode`).
        case rejected
        /// Anything else libcurl reported.
        case other
    }

    /// Whether retrying later may succeed.
    public let isTemporary: Bool
    /// The failure class.
    public let reason: Reason
    /// The relay's last SMTP reply code, when it sent one (e.g. 451, 550).
    public let replyCode: Int?
    /// libcurl's `CURLcode` (0 when not from curl).
    public let curlCode: Int

    /// An error with the given classification.
    public init(isTemporary: Bool, reason: Reason, replyCode: Int? = nil, curlCode: Int = 0) {
        self.isTemporary = isTemporary
        self.reason = reason
        self.replyCode = replyCode
        self.curlCode = curlCode
    }

    /// E.g. `SMTP permanent failure: rejected (reply 550, curl 55)`.
    public var description: String {
        let reply = replyCode.map { "reply \($0), " } ?? ""
        return "SMTP \(isTemporary ? "temporary" : "permanent") failure: \(reason.rawValue) (\(reply)curl \(curlCode))"
    }
}
