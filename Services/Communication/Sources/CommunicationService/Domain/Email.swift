internal import Shared

/// Who an email is for: exactly one of a patient or a therapist (CHECK `email_recipient_check`).
enum EmailRecipient: Sendable, Equatable {
    case patient(Int)
    case therapist(Int)

    var patientID: Int? { if case .patient(let id) = self { id } else { nil } }
    var therapistID: Int? { if case .therapist(let id) = self { id } else { nil } }
}

/// A new email as stored by `POST /api/emails`: bodies are final (Markdown rendered, footer
/// appended).
struct NewEmail: Sendable, Equatable {
    var recipient: EmailRecipient
    var subject: String
    var content: EmailContent
    var recipientEmail: String
    var recipientName: String
    var senderEmail: String
    var senderName: String
    var status: Emailstatus
    /// Absolute file paths; empty stores NULL.
    var attachments: [String]
}

/// The changes of `PUT /api/emails/{id}`; nil members are left alone.
struct EmailChanges: Sendable, Equatable {
    var status: Emailstatus?
    var antwortErhalten: Bool?
    var antwortdatum: UTCTimestamp?
    var antwortinhalt: String?
    var fehlermeldung: String?
    /// An empty array stores NULL.
    var attachments: [String]?
}

/// Filters and page of `GET /api/emails` (§2.1).
struct EmailListQuery: Sendable, Equatable {
    var therapistID: Int?
    var patientID: Int?
    /// `therapist` / `patient`: only emails with that kind of recipient.
    var recipientType: String?
    var status: Emailstatus?
    /// The page asked for (clamped).
    var paging: PageRequest

    /// `page` and `limit` are clamped by `PageRequest`.
    init(therapistID: Int? = nil, patientID: Int? = nil, recipientType: String? = nil, status: Emailstatus? = nil,
         page: Int? = nil, limit: Int? = nil) {
        // An id beyond `integer` matches no row (PostgreSQL would refuse the comparison).
        let bounded = { (id: Int?) in id.map { (0...Int(Int32.max)).contains($0) ? $0 : -1 } }
        (self.therapistID, self.patientID) = (bounded(therapistID), bounded(patientID))
        (self.recipientType, self.status) = (recipientType, status)
        paging = PageRequest(page: page, limit: limit)
    }

    var page: Int { paging.page }
    var limit: Int { paging.limit }
    var offset: Int { paging.offset }
}
