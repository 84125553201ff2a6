internal import Shared

/// The body of `PUT /api/platzsuchen/{id}` (§3.4), read before anything changes.
struct SearchChanges: Sendable {
    var status: String?
    var notizen: String?
    var exclusions: JSONValue?
    var therapistID: Int?
    var templateType: String?
    var meeting: JSONValue?
}

/// §3.4 with the fixes: every check runs before the success email is sent (a 400 never follows a
/// sent email), a forbidden transition is a 400, the system note survives `notizen` in the same
/// request, and `erfolgreiche_vermittlung_datum` is set on success.
struct SearchUpdate: Sendable {
    let store: PostgresSearchStore
    let success: SuccessEmailSender
    let clock: @Sendable () -> UTCTimestamp

    func apply(_ id: Int, _ changes: SearchChanges) async throws {
        do {
            let updated = try await store.update(id) { current in try await change(current, changes) }
            guard updated != nil else { throw MatchingError.searchNotFound(id) }
        } catch is SearchConflict {
            throw MatchingError.invalid("Patient already has an active search")
        }
    }

    func change(_ current: Platzsuche, _ c: SearchChanges) async throws -> Platzsuche {
        var next = current
        if let therapist = c.therapistID {
            if current.status == .erfolgreich, let placed = current.vermittelterTherapeutID, placed != therapist {
                throw MatchingError.invalid("Cannot change vermittelter_therapeut_id after successful placement")
            }
            next.vermittelterTherapeutID = therapist
        }
        var newStatus: Suchstatus?
        if let text = c.status, !text.isEmpty {
            guard let status = Suchstatus(rawValue: text) else {
                throw MatchingError.invalid("Invalid status '\(text)'. Valid values: \(Suchstatus.pythonList)")
            }
            if status == .erfolgreich, next.vermittelterTherapeutID == nil {
                throw MatchingError.invalid("Cannot mark as erfolgreich without vermittelter_therapeut_id")
            }
            guard current.status.canChange(to: status) else {
                throw MatchingError.invalid("Invalid status transition from \(current.status.rawValue) to \(status.rawValue)")
            }
            newStatus = status
        }
        if let list = c.exclusions {
            guard let items = list.arrayValue, items.allSatisfy({ $0.intValue != nil }) else {
                throw MatchingError.invalid("Invalid therapist IDs in exclusion list")
            }
            next.ausgeschlosseneTherapeuten = .array(items)
        }
        if let notes = c.notizen { next.notizen = notes }
        if let status = newStatus {
            next.status = status
            if status == .erfolgreich, let therapist = next.vermittelterTherapeutID {
                next.erfolgreicheVermittlungDatum = clock()
                let note = await success.send(patientID: current.patientID, therapistID: therapist,
                                              templateType: c.templateType, meeting: c.meeting)
                next.notizen = Notes.appending(Notes.line(note, author: "System", at: clock()), to: next.notizen)
            }
        }
        return next
    }
}
