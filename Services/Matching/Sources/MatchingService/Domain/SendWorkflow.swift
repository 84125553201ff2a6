internal import Shared

/// §6.3 the send procedure (also run by `sofort_senden`) and §9 the phone call for therapists
/// without email. The anfrage stays locked while the peers are asked, so it is sent once.
struct SendWorkflow: Sendable {
    let anfragen: PostgresAnfrageStore
    let peers: MatchingPeerSet
    let emails: MatchingEmails
    let phoneCalls: PhoneCallPlanner
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp

    struct Sent: Sendable {
        let anfrage: Therapeutenanfrage
        let delivery: SendDelivery
    }

    func send(_ id: Int) async throws -> Sent {
        let now = clock()
        guard let (anfrage, delivery) = try await anfragen.send(id, at: now, deliver) else {
            throw MatchingError.anfrageNotFound(id)
        }
        if let emailID = delivery.emailID {
            // Sent once the email exists (§8.1); queueing is best effort after the commit.
            do { try await peers.communication.queueEmail(emailID) } catch {
                logger.warning("inquiry email not queued", ["anfrage_id": String(id), "error": error.description])
            }
        }
        return Sent(anfrage: anfrage, delivery: delivery)
    }

    func deliver(_ detail: AnfrageDetail) async throws -> SendDelivery {
        let anfrage = detail.anfrage
        if let sent = anfrage.gesendetDatum {
            throw MatchingError.invalid("Anfrage already sent", [.init("sent_date", .string(sent.isoNaive))])
        }
        guard let therapist = try await peers.therapists.therapist(anfrage.therapistID) else {
            throw MatchingError.sendFailed("Therapist not found")
        }
        let found = try await peers.patients.patients(ids: detail.entries.map(\.patientID))
        let patients = detail.entries.compactMap { found[$0.patientID] }
        guard patients.count == anfrage.anfragegroesse else { throw MatchingError.sendFailed("Patient data incomplete") }
        guard therapist.text("email") != nil else {
            let call = try await phoneCalls.schedule(therapist: therapist, anfrageID: anfrage.id, failure: "Phone call scheduling failed")
            return SendDelivery(emailID: nil, phoneCallID: call)
        }
        let rendered = try emails.inquiry(anfrageID: anfrage.id, therapist: therapist, patients: patients, today: clock().date)
        let body = InquiryMail.body(therapist: therapist, rendered: rendered)
        let created: Result<Int, PeerError> = await SendWorkflow.attempt { () async throws(PeerError) -> Int in
            try await peers.communication.createEmail(body)
        }
        return SendDelivery(emailID: try Self.judge(created, failure: "Email creation failed"), phoneCallID: nil)
    }

    static func attempt(_ body: () async throws(PeerError) -> Int) async -> Result<Int, PeerError> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// The created id; an unusable answer becomes `failure` (500), an unreachable peer stays a 503.
    static func judge(_ result: Result<Int, PeerError>, failure: String) throws -> Int {
        switch result {
        case .success(let id): return id
        case .failure(let error) where error.kind == .badAnswer: throw MatchingError.sendFailed(failure)
        case .failure(let error): throw error
        }
    }
}

/// The `POST /api/emails` body of inquiry and reminder emails (§8.1).
enum InquiryMail {
    static func body(therapist: JSONValue, rendered: RenderedEmail) -> JSONValue {
        let name = [therapist["titel"], therapist["vorname"], therapist["nachname"]]
            .map { $0?.stringValue ?? "" }.joined(separator: " ").trimmingWhitespace()
        return MatchingJSON.object([
            ("therapist_id", therapist["id"] ?? .null), ("betreff", .string(rendered.subject)),
            ("inhalt_markdown", .string(rendered.markdown)), ("empfaenger_email", .string(therapist.text("email") ?? "")),
            ("empfaenger_name", .string(name)), ("add_legal_footer", true),
        ])
    }
}

/// §9: a call at the next slot in the therapist's phone hours.
struct PhoneCallPlanner: Sendable {
    let communication: any CommunicationChannel
    let defaultTime: String
    let today: @Sendable () -> LocalDate

    /// The new call's id; an unusable answer of the communication service becomes `failure`.
    func schedule(therapist: JSONValue, anfrageID: Int, failure: String) async throws -> Int {
        let slot = PhoneCallSlot.next(phoneHours: therapist["telefonische_erreichbarkeit"], today: today(), defaultTime: defaultTime)
        let body = MatchingJSON.object([
            ("therapist_id", therapist["id"] ?? .null), ("therapeutenanfrage_id", .number(String(anfrageID))),
            ("geplantes_datum", .string(slot.date.description)), ("geplante_zeit", .string(slot.time)),
            ("notizen", .string("Follow-up für Anfrage A\(anfrageID)")),
        ])
        let created: Result<Int, PeerError> = await SendWorkflow.attempt { () async throws(PeerError) -> Int in
            try await communication.createPhoneCall(body)
        }
        return try SendWorkflow.judge(created, failure: failure)
    }
}
