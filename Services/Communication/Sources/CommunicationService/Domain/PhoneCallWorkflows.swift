internal import Shared

/// The phone-call use cases behind the HTTP routes (communication.md §3.3–§3.6):
/// validation, the slot finder, persistence and the patient's last contact. Transport-free.
struct PhoneCallWorkflows: Sendable {
    let store: any PhoneCallStore
    let lastContact: any LastContactRecording
    /// The server's local date (`LocalDate.localToday` outside tests).
    let today: @Sendable () -> LocalDate

    init(store: any PhoneCallStore, lastContact: any LastContactRecording,
         today: @escaping @Sendable () -> LocalDate = { LocalDate.localToday() }) {
        self.store = store
        self.lastContact = lastContact
        self.today = today
    }

    /// POST: validate, choose the time when needed, insert.
    func create(_ body: JSONObject) async throws -> PhoneCall {
        let call = try PhoneCallCreation(from: body, today: today()).call
        if let time = call.geplanteZeit { return try await store.insert(call, at: time) }
        guard case .therapist(let therapistID) = call.recipient else {
            preconditionFailure("a patient call always has a time after parsing")
        }
        let finder = PhoneCallSlotFinder(therapistID: therapistID, requestedDate: call.geplantesDatum)
        guard let stored = try await store.insert(call, using: finder) else { throw PhoneCallError.noFreeSlot }
        return stored
    }

    /// PUT: type errors, then existence, then values; after the commit, a change of the status
    /// to `abgeschlossen` on a patient call records the contact (best effort, never fails).
    func update(_ id: PhoneCallID, _ body: JSONObject) async throws -> PhoneCall {
        let parsed = try PhoneCallChanges.parse(body)
        switch try await store.update(id, { current in try PhoneCallChanges(parsed).applied(to: current) }) {
        case .notFound:
            throw PhoneCallError.notFound
        case .updated(let before, let after):
            if before.status != .abgeschlossen, after.status == .abgeschlossen, let patientID = after.recipient.patientID {
                await lastContact.recordContact(patientID: patientID, on: today())
            }
            return after
        }
    }

    /// DELETE.
    func delete(_ id: PhoneCallID) async throws {
        guard try await store.delete(id) else { throw PhoneCallError.notFound }
    }
}
