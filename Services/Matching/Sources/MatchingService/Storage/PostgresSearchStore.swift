internal import Shared

/// The Platzsuche rows (`matching_service.platzsuche`): with `PostgresAnfrageStore`, the only SQL
/// of the service.
struct PostgresSearchStore: Sendable {
    let db: PostgresPool

    /// A page of searches, newest first, and the filtered total (anfragen bounds in SQL). The
    /// entry counts are computed for the page's rows only.
    func list(_ q: SearchListQuery) async throws -> (items: [(Platzsuche, SearchCounts)], total: Int) {
        let status = q.status?.rawValue, entries = MatchingColumns.entries
        let filter: SQL = """
            (\(status)::matching_service.suchstatus IS NULL OR s.status = \(status)::matching_service.suchstatus)
            AND (\(q.patientID)::integer IS NULL OR s.patient_id = \(q.patientID)::integer)
            AND (\(q.minAnfragen)::integer IS NULL OR (SELECT count(*) FROM \(entries) e WHERE e.platzsuche_id = s.id) >= \(q.minAnfragen)::integer)
            AND (\(q.maxAnfragen)::integer IS NULL OR (SELECT count(*) FROM \(entries) e WHERE e.platzsuche_id = s.id) <= \(q.maxAnfragen)::integer)
            """
        let rows = try await db.query("""
            SELECT \(MatchingColumns.searchList) FROM \(MatchingColumns.searches) s WHERE \(filter)
             ORDER BY s.created_at DESC, s.id DESC LIMIT \(q.paging.limit)::integer OFFSET \(q.paging.offset)::integer
            """)
        let items = try rows.map(MatchingColumns.search)
        // A page that is not full tells its total; only a full page (or one past the end) counts.
        if let total = q.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (items, total) }
        let count = try await db.query("SELECT count(*) FROM \(MatchingColumns.searches) s WHERE \(filter)")
        return (items, try count[0].decode(at: 0, as: Int.self))
    }

    func find(_ id: Int) async throws -> (Platzsuche, SearchCounts)? {
        let rows = try await db.query("SELECT \(MatchingColumns.searchList) FROM \(MatchingColumns.searches) s WHERE s.id = \(id)::integer")
        return try rows.first.map(MatchingColumns.search)
    }

    /// The search's bundle entries with their anfragen, oldest anfrage first.
    func history(_ id: Int) async throws -> [SearchHistoryEntry] {
        let rows = try await db.query("""
            SELECT a.id, a.therapist_id, e.position_in_anfrage, e.status, e.antwortergebnis, a.gesendet_datum, a.antwort_datum
              FROM \(MatchingColumns.entries) e JOIN \(MatchingColumns.anfragen) a ON a.id = e.therapeutenanfrage_id
             WHERE e.platzsuche_id = \(id)::integer ORDER BY a.erstellt_datum, a.id
            """)
        return try rows.map { row in
            var r = PostgresRowReader(row: row)
            return SearchHistoryEntry(anfrageID: try r.next(), therapistID: try r.next(), position: try r.next(),
                                      status: try r.vocabulary(), outcome: try r.optionalVocabulary(),
                                      sentDate: try r.next(), responseDate: try r.next())
        }
    }

    /// The id of the patient's `aktiv` search, if any.
    func activeSearchID(patient: Int) async throws -> Int? {
        let rows = try await db.query("""
            SELECT id FROM \(MatchingColumns.searches) WHERE patient_id = \(patient)::integer AND status = 'aktiv' LIMIT 1
            """)
        return try rows.first?.decode(at: 0, as: Int.self)
    }

    /// A new `aktiv` search; nil when the patient has one already (the partial unique index).
    func insert(patientID: Int, notizen: String?) async throws -> Platzsuche? {
        do {
            let rows = try await db.query("""
                INSERT INTO \(MatchingColumns.searches) AS s (patient_id, notizen) VALUES (\(patientID)::integer, \(notizen)::text)
                RETURNING \(MatchingColumns.searchList)
                """)
            return try MatchingColumns.search(rows[0]).0
        } catch let error as PostgresError where error.code == .uniqueViolation {
            return nil
        }
    }

    /// Runs `change` on the locked row and stores its result; nil when the search does not exist.
    /// A second `aktiv` search of the patient throws `SearchConflict`.
    func update(_ id: Int, _ change: (Platzsuche) async throws -> Platzsuche) async throws -> Platzsuche? {
        do {
            return try await db.transaction { tx -> Platzsuche? in
                let rows = try await tx.query("""
                    SELECT \(MatchingColumns.searchList) FROM \(MatchingColumns.searches) s WHERE s.id = \(id)::integer FOR UPDATE
                    """)
                guard let row = rows.first else { return nil }
                let s = try await change(try MatchingColumns.search(row).0)
                _ = try await tx.execute("""
                    UPDATE \(MatchingColumns.searches) SET status = \(s.status.rawValue)::matching_service.suchstatus,
                           notizen = \(s.notizen)::text, ausgeschlossene_therapeuten = \(MatchingColumns.jsonText(s.ausgeschlosseneTherapeuten))::jsonb,
                           vermittelter_therapeut_id = \(s.vermittelterTherapeutID)::integer,
                           erfolgreiche_vermittlung_datum = \(s.erfolgreicheVermittlungDatum)::timestamp,
                           updated_at = now() AT TIME ZONE 'utc'
                     WHERE id = \(id)::integer
                    """)
                return s
            }
        } catch let error as PostgresError where error.code == .uniqueViolation {
            throw SearchConflict()
        }
    }

    /// Deletes the search and its bundle entries; false when it did not exist.
    func delete(_ id: Int) async throws -> Bool {
        try await db.execute("DELETE FROM \(MatchingColumns.searches) WHERE id = \(id)::integer") == 1
    }

    /// The `aktiv` searches of `patientIDs`, oldest first (§5 step 2).
    func activeSearches(patientIDs: [Int]) async throws -> [ActiveSearch] {
        let rows = try await db.query("""
            SELECT id, patient_id, ausgeschlossene_therapeuten FROM \(MatchingColumns.searches)
             WHERE status = 'aktiv' AND patient_id = ANY (\(patientIDs)::integer[]) ORDER BY created_at, id
            """)
        return try rows.map { row in
            var r = PostgresRowReader(row: row)
            return ActiveSearch(id: try r.next(), patientID: try r.next(), exclusions: MatchingColumns.json(try r.next()))
        }
    }
}

/// The patient has another `aktiv` search (the partial unique index fired).
struct SearchConflict: Error {}
