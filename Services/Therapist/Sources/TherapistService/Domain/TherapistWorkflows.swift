public import Shared

/// The therapist use cases behind the HTTP routes: validation, persistence, the deletion guard
/// and the history. Transport-free.
public struct TherapistWorkflows: Sendable {
    let store: any TherapistStore
    let inquiries: any InquiryRegistry
    let communication: any CommunicationGateway
    let today: @Sendable () -> LocalDate

    public init(store: any TherapistStore, inquiries: any InquiryRegistry, communication: any CommunicationGateway,
                today: @escaping @Sendable () -> LocalDate = { LocalDate.today() }) {
        self.store = store
        self.inquiries = inquiries
        self.communication = communication
        self.today = today
    }

    /// POST: validate and insert; nothing else happens (therapist.md §2.2).
    public func create(_ body: JSONObject) async throws -> Therapist {
        let changes = try TherapistChanges(from: body, mode: .create)
        return try await store.insert(Therapist(creating: changes, today: today()))
    }

    /// PUT: type errors first (before the existence check), then validation inside one locked
    /// transaction. No cascades: a status change only updates the row (§2.4, §4.2).
    public func update(_ id: TherapistID, _ body: JSONObject) async throws -> Therapist {
        let parsed = try TherapistChanges.parse(body, mode: .update)
        let today = today()
        switch try await store.update(id, { current in
            var next = try TherapistChanges(parsed).applied(to: current)
            next.updatedAt = today
            return next
        }) {
        case .notFound: throw TherapistError.notFound
        case .unchanged(let therapist), .updated(let therapist): return therapist
        }
    }

    /// DELETE: the matching service is asked first, even before the existence check; inquiries,
    /// or no clear answer, refuse with 409 (§2.5).
    public func delete(_ id: TherapistID) async throws {
        let blocked: Bool
        do { blocked = try await inquiries.hasInquiries(therapist: id) } catch { blocked = true }
        if blocked { throw TherapistError.hasInquiries }
        guard try await store.delete(id) else { throw TherapistError.notFound }
    }

    /// The therapist, or `notFound`.
    public func find(_ id: TherapistID) async throws -> Therapist {
        guard let therapist = try await store.find(id) else { throw TherapistError.notFound }
        return therapist
    }

    /// The merged history from the communication service (§2.6).
    public func history(_ id: TherapistID) async throws -> TherapistHistory {
        let therapist = try await find(id)
        do {
            async let emails = communication.emails(therapist: id)
            async let calls = communication.phoneCalls(therapist: id)
            return TherapistHistory(therapist: therapist, emails: try await emails, calls: try await calls)
        } catch let error as PeerError {
            throw TherapistError.communicationUnavailable("Error fetching communication history: \(error)")
        }
    }
}
