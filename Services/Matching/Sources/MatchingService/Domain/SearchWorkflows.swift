internal import Shared

/// Platzsuche endpoints (matching.md §3): list, create, details, delete. Updates are in
/// `SearchUpdate`.
struct SearchWorkflows: Sendable {
    let store: PostgresSearchStore
    let peers: MatchingPeerSet
    let clock: @Sendable () -> UTCTimestamp

    /// §3.1: one patient-service call for the whole page.
    func list(_ query: SearchListQuery) async throws -> [UInt8] {
        let (items, total) = try await store.list(query)
        let patients = items.isEmpty ? [:] : try await peers.patients.patients(ids: items.map(\.0.patientID))
        let data = items.map { search, counts in
            let patient = patients[search.patientID]
            return MatchingJSON.object([
                ("id", .number(String(search.id))), ("patient_id", .number(String(search.patientID))),
                ("status", .string(search.status.rawValue)), ("patienten_name", MatchingJSON.name(patient)),
                ("created_at", MatchingJSON.iso(search.createdAt)), ("updated_at", MatchingJSON.iso(search.updatedAt)),
                ("aktive_anfragen", .number(String(counts.active))), ("gesamt_anfragen", .number(String(counts.total))),
                ("offen_fuer_gruppentherapie", .bool(patient?["offen_fuer_gruppentherapie"]?.boolValue ?? false)),
                ("vermittelter_therapeut_id", MatchingJSON.int(search.vermittelterTherapeutID)),
            ])
        }
        return query.paging.json(data: MatchingJSON.bytes(.array(data)), total: total)
    }

    /// §3.2: the patient must exist and be complete, and have no other `aktiv` search (one insert:
    /// the database's partial unique index decides, also between concurrent creates).
    func create(patientID: Int, notizen: String?) async throws -> Platzsuche {
        guard let patient = try await peers.patients.patient(patientID) else { throw MatchingError.patientNotFound(patientID) }
        if let reason = SearchEligibility.problem(with: patient) {
            throw MatchingError.invalid("Cannot create platzsuche: \(reason)", [.init("patient_id", .int(patientID))])
        }
        let note = notizen.map { Notes.line($0, author: "API", at: clock()) }
        if let search = try await store.insert(patientID: patientID, notizen: note) { return search }
        // The patient has an active search (the partial unique index refused a second one).
        throw Self.alreadyActive(try await store.activeSearchID(patient: patientID))
    }

    static func alreadyActive(_ searchID: Int?) -> MatchingError {
        .invalid("Patient already has an active search", searchID.map { [.init("search_id", .int($0))] } ?? [])
    }

    /// §3.3: the search with its patient and its inquiry history (one therapist call in all).
    func details(_ id: Int) async throws -> JSONValue {
        guard let (search, counts) = try await store.find(id) else { throw MatchingError.searchNotFound(id) }
        let history = try await store.history(id)
        async let patient = peers.patients.patient(search.patientID)
        let therapists = history.isEmpty ? [:] : try await peers.therapists.therapists(ids: history.map(\.therapistID))
        let verlauf = history.map { entry in
            MatchingJSON.object([
                ("anfrage_id", .number(String(entry.anfrageID))), ("therapist_id", .number(String(entry.therapistID))),
                ("therapeuten_name", MatchingJSON.name(therapists[entry.therapistID])),
                ("position", .number(String(entry.position))), ("status", .string(entry.status.rawValue)),
                ("outcome", MatchingJSON.text(entry.outcome?.rawValue)), ("sent_date", MatchingJSON.iso(entry.sentDate)),
                ("response_date", MatchingJSON.iso(entry.responseDate)),
            ])
        }
        return MatchingJSON.object([
            ("id", .number(String(search.id))), ("patient_id", .number(String(search.patientID))),
            ("status", .string(search.status.rawValue)), ("patient", try await patient ?? .null),
            ("created_at", MatchingJSON.iso(search.createdAt)), ("updated_at", MatchingJSON.iso(search.updatedAt)),
            ("ausgeschlossene_therapeuten", search.ausgeschlosseneTherapeuten),
            ("erfolgreiche_vermittlung_datum", MatchingJSON.iso(search.erfolgreicheVermittlungDatum)),
            ("vermittelter_therapeut_id", MatchingJSON.int(search.vermittelterTherapeutID)),
            ("notizen", MatchingJSON.text(search.notizen)),
            ("aktive_anfragen", .number(String(counts.active))), ("gesamt_anfragen", .number(String(counts.total))),
            ("anfrage_verlauf", .array(verlauf)),
        ])
    }

    /// §3.5: the search and its bundle entries.
    func delete(_ id: Int) async throws {
        guard try await store.delete(id) else { throw MatchingError.searchNotFound(id) }
    }
}
