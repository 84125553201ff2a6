/// An email claimed by the queue worker (`Wird_gesendet`), with what delivery needs.
struct QueuedEmail: Sendable, Equatable {
    let id: Int
    let patientID: Int?
    let subject: String
    let html: String
    let text: String
    let recipientEmail: String
    let senderEmail: String
    let senderName: String
    let attachments: [String]
    /// Failed attempts so far (`wiederholungsanzahl`).
    let attempts: Int

    /// The stable `Message-ID` local part: a message sent again after an unclear outcome carries
    /// the same id, so receivers can recognise the repetition.
    var messageID: String { "curavani-email-\(id)" }
}

/// What became of one delivery attempt, as the worker records it.
enum DeliveryOutcome: Sendable, Equatable {
    /// The relay accepted the message.
    case sent
    /// A temporary failure of this message (4xx reply, timeout): retry after a backoff.
    case temporaryFailure(String)
    /// A permanent failure (5xx reply, an address the message format refuses): `Fehlgeschlagen`.
    case permanentFailure(String)
    /// The relay cannot be used at all (unreachable, TLS or credentials refused): the email goes
    /// back to the queue unchanged and the batch stops.
    case relayUnavailable(String)
}
