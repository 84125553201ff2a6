internal import Shared

/// What recording an answer changes (§6.4 steps 4–8), decided by `AnswerWorkflow` on the locked
/// anfrage and written by the store in the same transaction.
struct AnswerDecision: Sendable {
    struct EntryChange: Sendable {
        let entryID: Int
        let outcome: Patientenergebnis
        /// nil: the entry keeps its status (`in_Sitzungen`).
        let status: AnfragePatientStatus?
    }

    let entries: [EntryChange]
    let accepted: Int
    let rejected: Int
    let noResponse: Int
    let antworttyp: Antworttyp
    /// The line appended to the anfrage's notes, if the request had `notizen`.
    let noteLine: String?
    /// Searches that get the therapist on their exclusion list (`abgelehnt_nicht_geeignet`).
    let exclusions: [Int]
    /// The exclusion object stored for them.
    let exclusionEntry: JSONValue
    /// Accepted entries: the searches that get `vermittelter_therapeut_id` (while `aktiv`).
    let placements: [(searchID: Int, patientID: Int)]
    /// The note appended to each placed search.
    let placementNote: String
}

/// What a send delivered before the anfrage is marked sent (§6.3).
struct SendDelivery: Sendable {
    let emailID: Int?
    let phoneCallID: Int?
}
