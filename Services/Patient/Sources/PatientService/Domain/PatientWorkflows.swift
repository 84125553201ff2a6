public import Shared

/// The patient use cases behind the HTTP routes: validation, persistence, the payment
/// transition, the deletion guard and the history. Transport-free.
public struct PatientWorkflows: Sendable {
    let store: any PatientStore
    let searches: any SearchRegistry
    let communication: any CommunicationGateway
    let mailer: any PatientMailer
    let today: @Sendable () -> LocalDate

    public init(store: any PatientStore, searches: any SearchRegistry, communication: any CommunicationGateway,
                mailer: any PatientMailer, today: @escaping @Sendable () -> LocalDate = { LocalDate.today() }) {
        self.store = store
        self.searches = searches
        self.communication = communication
        self.mailer = mailer
        self.today = today
    }

    public func find(_ id: PatientID) async throws -> Patient {
        guard let patient = try await store.find(id) else { throw PatientError.notFound }
        return patient
    }

    /// POST: validate, apply the automatic start, insert.
    public func create(_ body: JSONObject) async throws -> Patient {
        let changes = try PatientInput.changes(from: body, mode: .create)
        let today = today()
        var patient = Patient(creating: changes, today: today)
        PaymentTransition.applyOnCreate(&patient, today: today)
        return try await store.insert(patient)
    }

    /// PUT: type errors first (before the existence check), then validation and the payment
    /// transition inside one locked transaction; the confirmation email goes out after commit.
    public func update(_ id: PatientID, _ body: JSONObject) async throws -> Patient {
        let parsed = try PatientInput.parse(body, mode: .update)
        let today = today()
        guard let (patient, outcome) = try await store.update(id, { current in
            var next = try parsed.validated().applied(to: current)
            let outcome = PaymentTransition.applyOnUpdate(before: current, after: &next, today: today)
            next.updatedAt = today
            return (next, outcome)
        }) else { throw PatientError.notFound }
        if outcome == .searchStarted(confirmationDue: true) { await mailer.paymentConfirmation(for: patient) }
        return patient
    }

    /// DELETE, guarded by the matching service (any Platzsuche blocks).
    public func delete(_ id: PatientID) async throws {
        guard try await store.exists(id) else { throw PatientError.notFound }
        let count: Int?
        do { count = try await searches.searchCount(patient: id) } catch {
            throw PatientError.searchCheckUnavailable("Cannot verify if patient has active searches: \(error)")
        }
        guard let count else {
            throw PatientError.searchCheckUnavailable("Cannot verify if patient has active searches. Please try again later.")
        }
        guard count == 0 else { throw PatientError.hasSearches(count: count) }
        guard try await store.delete(id) else { throw PatientError.notFound }
    }

    /// PATCH last-contact: `date` (YYYY-MM-DD) or today when absent/empty.
    public func setLastContact(_ id: PatientID, _ body: JSONObject) async throws -> LocalDate {
        let given = body["date"] ?? .null
        let today = today()
        var date = today
        if !given.isNull, given.stringValue != "" {
            guard let text = given.stringValue, let parsed = LocalDate(text), parsed.year >= 1 else {
                guard try await store.exists(id) else { throw PatientError.notFound }
                throw PatientError.invalid("Invalid date format. Use YYYY-MM-DD")
            }
            date = parsed
        }
        guard try await store.setLastContact(id, to: date, today: today) else { throw PatientError.notFound }
        return date
    }

    /// The merged history from the communication service.
    public func history(_ id: PatientID) async throws -> CommunicationHistory {
        let patient = try await find(id)
        do {
            async let emails = communication.emails(patient: id)
            async let calls = communication.phoneCalls(patient: id)
            return CommunicationHistory(patient: patient, emails: try await emails, calls: try await calls)
        } catch let error as PeerError {
            throw PatientError.communicationUnavailable("Error fetching communication history: \(error)")
        }
    }
}

/// Sends the patient-facing emails; failures are logged by the implementation, never thrown.
public protocol PatientMailer: Sendable {
    /// The payment confirmation (patient.md §5.2); skipped when the patient has no email.
    func paymentConfirmation(for patient: Patient) async
}
