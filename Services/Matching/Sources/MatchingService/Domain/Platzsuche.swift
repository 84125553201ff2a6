internal import Shared

/// A patient's search for a therapy place (matching.md §1.1).
struct Platzsuche: Sendable {
    let id: Int
    let patientID: Int
    var status: Suchstatus
    let createdAt: UTCTimestamp
    var updatedAt: UTCTimestamp?
    /// The stored JSON array as is: plain ids or `{"id", "excluded_at", "reason"}` objects.
    var ausgeschlosseneTherapeuten: JSONValue
    var erfolgreicheVermittlungDatum: UTCTimestamp?
    var notizen: String?
    var vermittelterTherapeutID: Int?
}

/// How many bundle entries a search has: `aktive_anfragen` (status `anstehend`) and `gesamt_anfragen`.
struct SearchCounts: Sendable, Equatable {
    var active = 0
    var total = 0
}

/// One bundle entry of a search with its anfrage's dates, for `anfrage_verlauf` (§3.3).
struct SearchHistoryEntry: Sendable {
    let anfrageID: Int
    let therapistID: Int
    let position: Int
    let status: AnfragePatientStatus
    let outcome: Patientenergebnis?
    let sentDate: UTCTimestamp?
    let responseDate: UTCTimestamp?
}

/// An active search as the bundle algorithm needs it (§5 step 2).
struct ActiveSearch: Sendable {
    let id: Int
    let patientID: Int
    let exclusions: JSONValue
}

/// The filters of `GET /api/platzsuchen` (§3.1); the anfragen bounds are applied in SQL, before
/// pagination (⚠ fix: the original filtered the current page only).
struct SearchListQuery: Sendable {
    var status: Suchstatus?
    var patientID: Int?
    var minAnfragen: Int?
    var maxAnfragen: Int?
    var paging: PageRequest
}
