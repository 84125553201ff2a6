internal import Shared

/// §6.4 `PUT /api/therapeutenanfragen/{id}/antwort`, with the fixes: antworttyp from the new
/// counts, `nicht_erschienen`/`in_Sitzungen` counted as no response (never a 500), exclusions
/// on `abgelehnt_nicht_geeignet` saved, all in one transaction; then the cooling period.
struct AnswerWorkflow: Sendable {
    let anfragen: PostgresAnfrageStore
    let therapists: any TherapistDirectory
    /// Cleared after a cooling period was set, so the selection list shows it at once.
    let selectionCache: TherapistListCache?
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp
    static let coolingDays = 28

    func record(_ id: Int, responses: JSONValue, notizen: String?) async throws -> JSONValue {
        let now = clock()
        guard let (detail, decision) = try await anfragen.recordAnswer(id, at: now, { try decide($0, responses, notizen, now) }) else {
            throw MatchingError.anfrageNotFound(id)
        }
        let therapist = detail.anfrage.therapistID
        do { try await therapists.setNextContact(therapist, to: now.date.adding(days: Self.coolingDays)) } catch {
            logger.warning("cooling period not set", ["therapist_id": String(therapist), "error": error.description])
        }
        selectionCache?.clear()
        let accepted = decision.placements.map {
            MatchingJSON.object([("patient_id", .number(String($0.patientID))), ("platzsuche_id", .number(String($0.searchID)))])
        }
        return MatchingJSON.object([
            ("message", "Anfrage response recorded successfully"), ("anfrage_id", .number(String(id))),
            ("response_type", .string(decision.antworttyp.rawValue)), ("angenommene_patienten", .array(accepted)),
            ("antwort_zusammenfassung", MatchingJSON.object([
                ("accepted", .number(String(decision.accepted))), ("rejected", .number(String(decision.rejected))),
                ("no_response", .number(String(decision.noResponse))),
            ])),
        ])
    }

    func decide(_ detail: AnfrageDetail, _ responses: JSONValue, _ notizen: String?, _ now: UTCTimestamp) throws -> AnswerDecision {
        guard detail.anfrage.gesendetDatum != nil else { throw MatchingError.invalid("Cannot record response for unsent anfrage") }
        let evaluation = try AntwortEvaluation(responses: responses, bundlePatientIDs: detail.entries.map(\.patientID))
        let therapist = detail.anfrage.therapistID
        var changes: [AnswerDecision.EntryChange] = [], exclusions: [Int] = [], placements: [(searchID: Int, patientID: Int)] = []
        for entry in detail.entries {
            guard let outcome = evaluation.outcomes[entry.patientID] else { continue }
            changes.append(.init(entryID: entry.id, outcome: outcome, status: AntwortEvaluation.entryStatus(for: outcome)))
            if outcome == .abgelehntNichtGeeignet { exclusions.append(entry.platzsucheID) }
            if outcome == .angenommen { placements.append((entry.platzsucheID, entry.patientID)) }
        }
        return AnswerDecision(
            entries: changes, accepted: evaluation.accepted, rejected: evaluation.rejected, noResponse: evaluation.noResponse,
            antworttyp: evaluation.antworttyp, noteLine: notizen.map { Notes.line($0, author: nil, at: now) },
            exclusions: exclusions,
            exclusionEntry: Ausschlussliste.entry(therapist, reason: "Rejected: abgelehnt_nicht_geeignet", at: now),
            placements: placements,
            placementNote: Notes.line("Patient accepted by therapist \(therapist) via anfrage \(detail.anfrage.id)",
                                      author: "System", at: now))
    }
}
