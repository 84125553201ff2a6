internal import Shared

/// The anfrage rows and their entries (`therapeutenanfrage`, `therapeut_anfrage_patient`).
struct PostgresAnfrageStore: Sendable {
    let db: PostgresPool

    func find(_ id: Int) async throws -> AnfrageDetail? {
        try await Self.detail(id, lock: false) { try await db.query($0) }
    }

    /// Deletes the anfrage and its entries; false when it did not exist.
    func delete(_ id: Int) async throws -> Bool {
        try await db.execute("DELETE FROM \(MatchingColumns.anfragen) WHERE id = \(id)::integer") == 1
    }

    /// The therapists among `ids` with an unsent or unanswered anfrage (§4 step 2).
    func pendingTherapists(among ids: [Int]) async throws -> Set<Int> {
        let rows = try await db.query("""
            SELECT DISTINCT therapist_id FROM \(MatchingColumns.anfragen)
             WHERE therapist_id = ANY (\(ids)::integer[]) AND (gesendet_datum IS NULL OR antwort_datum IS NULL)
            """)
        return Set(try rows.map { try $0.decode(at: 0, as: Int.self) })
    }

    /// Inserts the anfrage and one entry per search still `aktiv` (locked against deletion), in one
    /// transaction; nil when none is left. Positions are 1…n in the given order.
    func createBundle(therapistID: Int, searches: [ActiveSearch]) async throws -> (id: Int, patientIDs: [Int])? {
        try await db.transaction { tx -> (id: Int, patientIDs: [Int])? in
            let locked = try await tx.query("""
                SELECT id FROM \(MatchingColumns.searches) WHERE id = ANY (\(searches.map(\.id))::integer[]) AND status = 'aktiv' FOR SHARE
                """)
            let alive = Set(try locked.map { try $0.decode(at: 0, as: Int.self) })
            let kept = searches.filter { alive.contains($0.id) }
            guard !kept.isEmpty else { return nil }
            let inserted = try await tx.query("""
                INSERT INTO \(MatchingColumns.anfragen) (therapist_id, anfragegroesse) VALUES (\(therapistID)::integer, \(kept.count)::integer)
                RETURNING id
                """)
            let id = try inserted[0].decode(at: 0, as: Int.self)
            _ = try await tx.execute("""
                INSERT INTO \(MatchingColumns.entries) (therapeutenanfrage_id, platzsuche_id, patient_id, position_in_anfrage)
                SELECT \(id)::integer, s, p, n FROM unnest(\(kept.map(\.id))::integer[], \(kept.map(\.patientID))::integer[])
                       WITH ORDINALITY AS t(s, p, n)
                """)
            return (id, kept.map(\.patientID))
        }
    }

    /// Locks the anfrage, runs `deliver` (which asks the peers) and marks it sent with what was
    /// delivered, so two concurrent sends cannot both deliver. nil when it does not exist.
    func send(_ id: Int, at now: UTCTimestamp,
              _ deliver: (AnfrageDetail) async throws -> SendDelivery) async throws -> (Therapeutenanfrage, SendDelivery)? {
        try await db.transaction { tx -> (Therapeutenanfrage, SendDelivery)? in
            guard let detail = try await Self.detail(id, lock: true, { try await tx.query($0) }) else { return nil }
            let delivery = try await deliver(detail)
            let rows = try await tx.query("""
                UPDATE \(MatchingColumns.anfragen) a SET gesendet_datum = \(now)::timestamp,
                       email_id = \(delivery.emailID)::integer, phone_call_id = \(delivery.phoneCallID)::integer
                 WHERE a.id = \(id)::integer RETURNING \(MatchingColumns.anfrageList)
                """)
            return (try MatchingColumns.anfrage(rows[0]), delivery)
        }
    }

    /// Locks the anfrage, lets `decide` judge the answer and writes the decision (§6.4) in one
    /// transaction; nil when the anfrage does not exist.
    func recordAnswer(_ id: Int, at now: UTCTimestamp,
                      _ decide: (AnfrageDetail) throws -> AnswerDecision) async throws -> (AnfrageDetail, AnswerDecision)? {
        try await db.transaction { tx -> (AnfrageDetail, AnswerDecision)? in
            guard let detail = try await Self.detail(id, lock: true, { try await tx.query($0) }) else { return nil }
            let decision = try decide(detail)
            try await AnswerWriter(tx: tx, anfrage: detail.anfrage, now: now).write(decision)
            return (detail, decision)
        }
    }

    /// The anfrage and its entries in bundle order (`FOR UPDATE` of the anfrage when `lock`).
    static func detail(_ id: Int, lock: Bool, _ query: (SQL) async throws -> [PostgresRow]) async throws -> AnfrageDetail? {
        let rows = try await query("""
            SELECT \(MatchingColumns.anfrageList) FROM \(MatchingColumns.anfragen) a WHERE a.id = \(id)::integer \((lock ? "FOR UPDATE" : "") as SQL)
            """)
        guard let row = rows.first else { return nil }
        let entries = try await query("""
            SELECT \(MatchingColumns.entryList) FROM \(MatchingColumns.entries) e
              LEFT JOIN \(MatchingColumns.searches) s ON s.id = e.platzsuche_id
             WHERE e.therapeutenanfrage_id = \(id)::integer ORDER BY e.position_in_anfrage, e.id
            """)
        return AnfrageDetail(anfrage: try MatchingColumns.anfrage(row), entries: try entries.map(MatchingColumns.entry))
    }
}
