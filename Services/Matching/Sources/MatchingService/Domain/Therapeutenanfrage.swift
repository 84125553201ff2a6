internal import Shared

/// An inquiry: a bundle of anonymised patients for one therapist (matching.md §1.2).
struct Therapeutenanfrage: Sendable {
    let id: Int
    let therapistID: Int
    let erstelltDatum: UTCTimestamp
    var gesendetDatum: UTCTimestamp?
    var antwortDatum: UTCTimestamp?
    var antworttyp: Antworttyp?
    let anfragegroesse: Int
    var angenommenAnzahl: Int
    var abgelehntAnzahl: Int
    var keineAntwortAnzahl: Int
    var notizen: String?
    var emailID: Int?
    var phoneCallID: Int?
    var reminderEmailID: Int?

    /// Whole days between sending and `now`; nil while unsent (§6.1).
    func tageSeitVersand(now: UTCTimestamp) -> Int? {
        gesendetDatum.map { $0.wholeDays(until: now) }
    }

    /// Sent, unanswered and at least `threshold` days old (§6.1).
    func nachverfolgungErforderlich(threshold: Int, now: UTCTimestamp) -> Bool {
        guard antwortDatum == nil, let days = tageSeitVersand(now: now) else { return false }
        return days >= threshold
    }
}

/// One patient of an anfrage (§1.3), with the search's creation time for `wartezeit_tage`.
struct AnfrageEntry: Sendable {
    let id: Int
    let platzsucheID: Int
    let patientID: Int
    let position: Int
    var status: AnfragePatientStatus
    var antwortergebnis: Patientenergebnis?
    var antwortnotizen: String?
    let searchCreatedAt: UTCTimestamp?
}

/// An anfrage with its entries in bundle order.
struct AnfrageDetail: Sendable {
    let anfrage: Therapeutenanfrage
    let entries: [AnfrageEntry]
    /// Every entry has an outcome (true for no entries).
    var antwortVollstaendig: Bool { entries.allSatisfy { $0.antwortergebnis != nil } }
}

/// The filters of `GET /api/therapeutenanfragen` (§6.1).
struct AnfrageListQuery: Sendable {
    enum Versand: String, Sendable { case gesendet, ungesendet }
    enum Antwort: String, Sendable { case beantwortet, ausstehend }
    var therapistID: Int?
    var versand: Versand?
    var antwort: Antwort?
    var minSize: Int?
    var maxSize: Int?
    var paging: PageRequest
}

/// A row of the anfragen list with its completeness (every entry answered).
struct AnfrageListItem: Sendable {
    let anfrage: Therapeutenanfrage
    let antwortVollstaendig: Bool
}

extension UTCTimestamp {
    /// Whole days from `self` to `later` (`tage_seit_versand`, `wartezeit_tage`).
    func wholeDays(until later: UTCTimestamp) -> Int {
        Int((later.microsecondsSinceEpoch - microsecondsSinceEpoch) / 86_400_000_000)
    }
}
