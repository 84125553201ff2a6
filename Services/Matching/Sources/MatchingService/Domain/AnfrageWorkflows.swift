internal import Shared

/// §6.1, §6.2, §6.6: reading and deleting anfragen (one peer call per page or detail).
struct AnfrageWorkflows: Sendable {
    let anfragen: PostgresAnfrageStore
    let peers: MatchingPeerSet
    let followUpThreshold: Int
    let clock: @Sendable () -> UTCTimestamp

    func list(_ query: AnfrageListQuery, followUp: Bool?) async throws -> [UInt8] {
        let now = clock()
        let (items, total) = try await anfragen.list(query, followUp: followUp, threshold: followUpThreshold, now: now)
        let names = items.isEmpty ? [:] : try await peers.therapists.therapists(ids: items.map(\.anfrage.therapistID))
        let data = items.map { item in
            let a = item.anfrage
            return MatchingJSON.object([
                ("id", .number(String(a.id))), ("therapist_id", .number(String(a.therapistID))),
                ("therapeuten_name", MatchingJSON.name(names[a.therapistID])),
                ("erstellt_datum", MatchingJSON.iso(a.erstelltDatum)), ("gesendet_datum", MatchingJSON.iso(a.gesendetDatum)),
                ("antwort_datum", MatchingJSON.iso(a.antwortDatum)), ("tage_seit_versand", MatchingJSON.int(a.tageSeitVersand(now: now))),
                ("antworttyp", MatchingJSON.text(a.antworttyp?.rawValue)), ("anfragegroesse", .number(String(a.anfragegroesse))),
                ("angenommen_anzahl", .number(String(a.angenommenAnzahl))), ("abgelehnt_anzahl", .number(String(a.abgelehntAnzahl))),
                ("keine_antwort_anzahl", .number(String(a.keineAntwortAnzahl))),
                ("nachverfolgung_erforderlich", .bool(a.nachverfolgungErforderlich(threshold: followUpThreshold, now: now))),
                ("antwort_vollstaendig", .bool(item.antwortVollstaendig)),
            ])
        }
        let page = items.map(\.anfrage)
        let summary = MatchingJSON.object([
            ("total_anfragen", .number(String(total))),
            ("unsent_anfragen", .number(String(page.filter { $0.gesendetDatum == nil }.count))),
            ("pending_responses", .number(String(page.filter { $0.gesendetDatum != nil && $0.antwortDatum == nil }.count))),
            ("needing_follow_up", .number(String(page.filter { $0.nachverfolgungErforderlich(threshold: followUpThreshold, now: now) }.count))),
        ])
        var body = query.paging.json(data: MatchingJSON.bytes(.array(data)), total: total)
        body.removeLast()  // the closing brace: the summary is one more member
        return body + Array(#","summary":"#.utf8) + MatchingJSON.bytes(summary) + [UInt8(ascii: "}")]
    }

    func details(_ id: Int) async throws -> JSONValue {
        guard let detail = try await anfragen.find(id) else { throw MatchingError.anfrageNotFound(id) }
        let a = detail.anfrage, now = clock()
        async let therapist = peers.therapists.therapist(a.therapistID)
        let patients = detail.entries.isEmpty ? [:] : try await peers.patients.patients(ids: detail.entries.map(\.patientID))
        let entries = detail.entries.map { e in
            MatchingJSON.object([
                ("position", .number(String(e.position))), ("patient_id", .number(String(e.patientID))),
                ("patient", patients[e.patientID] ?? .null), ("platzsuche_id", .number(String(e.platzsucheID))),
                ("search_created_at", MatchingJSON.iso(e.searchCreatedAt)),
                ("wartezeit_tage", MatchingJSON.int(e.searchCreatedAt.map { $0.wholeDays(until: now) })),
                ("status", .string(e.status.rawValue)), ("antwortergebnis", MatchingJSON.text(e.antwortergebnis?.rawValue)),
                ("antwortnotizen", MatchingJSON.text(e.antwortnotizen)),
            ])
        }
        return MatchingJSON.object([
            ("id", .number(String(a.id))), ("therapist_id", .number(String(a.therapistID))), ("therapist", try await therapist ?? .null),
            ("erstellt_datum", MatchingJSON.iso(a.erstelltDatum)), ("gesendet_datum", MatchingJSON.iso(a.gesendetDatum)),
            ("antwort_datum", MatchingJSON.iso(a.antwortDatum)), ("tage_seit_versand", MatchingJSON.int(a.tageSeitVersand(now: now))),
            ("antworttyp", MatchingJSON.text(a.antworttyp?.rawValue)), ("anfragegroesse", .number(String(a.anfragegroesse))),
            ("antwort_zusammenfassung", MatchingJSON.object([
                ("total_accepted", .number(String(a.angenommenAnzahl))), ("total_rejected", .number(String(a.abgelehntAnzahl))),
                ("total_no_response", .number(String(a.keineAntwortAnzahl))), ("antwort_vollstaendig", .bool(detail.antwortVollstaendig)),
            ])),
            ("notizen", MatchingJSON.text(a.notizen)), ("email_id", MatchingJSON.int(a.emailID)),
            ("phone_call_id", MatchingJSON.int(a.phoneCallID)), ("patients", .array(entries)),
            ("nachverfolgung_erforderlich", .bool(a.nachverfolgungErforderlich(threshold: followUpThreshold, now: now))),
        ])
    }

    func delete(_ id: Int) async throws {
        guard try await anfragen.delete(id) else { throw MatchingError.anfrageNotFound(id) }
    }
}
