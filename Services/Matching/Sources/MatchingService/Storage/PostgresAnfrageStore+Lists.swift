internal import Shared

extension PostgresAnfrageStore {
    /// A page of anfragen, newest first, and the filtered total. `followUp` filters on
    /// `nachverfolgung_erforderlich` in SQL (⚠ fix: the original filtered the current page).
    func list(_ q: AnfrageListQuery, followUp: Bool?, threshold: Int, now: UTCTimestamp) async throws
        -> (items: [AnfrageListItem], total: Int) {
        let versand = q.versand?.rawValue, antwort = q.antwort?.rawValue
        let due = now.adding(seconds: -Int64(threshold) * 86_400)
        let filter: SQL = """
            (\(q.therapistID)::integer IS NULL OR a.therapist_id = \(q.therapistID)::integer)
            AND (\(versand)::text IS NULL OR (\(versand)::text = 'gesendet') = (a.gesendet_datum IS NOT NULL))
            AND (\(antwort)::text IS NULL OR (\(antwort)::text = 'beantwortet' AND a.antwort_datum IS NOT NULL)
                 OR (\(antwort)::text = 'ausstehend' AND a.gesendet_datum IS NOT NULL AND a.antwort_datum IS NULL))
            AND (\(q.minSize)::integer IS NULL OR a.anfragegroesse >= \(q.minSize)::integer)
            AND (\(q.maxSize)::integer IS NULL OR a.anfragegroesse <= \(q.maxSize)::integer)
            AND (\(followUp)::boolean IS NULL OR \(followUp)::boolean =
                 (a.gesendet_datum IS NOT NULL AND a.antwort_datum IS NULL AND a.gesendet_datum <= \(due)::timestamp))
            """
        let rows = try await db.query("""
            SELECT \(MatchingColumns.anfrageList),
                   NOT EXISTS (SELECT 1 FROM \(MatchingColumns.entries) e WHERE e.therapeutenanfrage_id = a.id AND e.antwortergebnis IS NULL)
              FROM \(MatchingColumns.anfragen) a WHERE \(filter)
             ORDER BY a.erstellt_datum DESC, a.id DESC LIMIT \(q.paging.limit)::integer OFFSET \(q.paging.offset)::integer
            """)
        let items = try rows.map { row in
            var r = PostgresRowReader(row: row)
            return AnfrageListItem(anfrage: try MatchingColumns.anfrage(&r), antwortVollstaendig: try r.next())
        }
        if let total = q.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (items, total) }
        let count = try await db.query("SELECT count(*) FROM \(MatchingColumns.anfragen) a WHERE \(filter)")
        return (items, try count[0].decode(at: 0, as: Int.self))
    }

    /// Anfragen due for their one reminder (§7 step 1): sent by email at least `threshold` days
    /// before `now`, unanswered, no phone call, no reminder yet; oldest first.
    func reminderCandidates(threshold: Int, now: UTCTimestamp) async throws -> [Therapeutenanfrage] {
        let due = now.adding(seconds: -Int64(threshold) * 86_400)
        let rows = try await db.query("""
            SELECT \(MatchingColumns.anfrageList) FROM \(MatchingColumns.anfragen) a
             WHERE a.gesendet_datum IS NOT NULL AND a.antwort_datum IS NULL AND a.phone_call_id IS NULL
               AND a.reminder_email_id IS NULL AND a.gesendet_datum <= \(due)::timestamp
             ORDER BY a.gesendet_datum, a.id
            """)
        return try rows.map(MatchingColumns.anfrage)
    }

    /// Stores the reminder (an email or, for therapists without email, a phone call) unless
    /// another run stored one first; false then.
    func storeReminder(_ id: Int, emailID: Int?, phoneCallID: Int?) async throws -> Bool {
        try await db.execute("""
            UPDATE \(MatchingColumns.anfragen) SET reminder_email_id = COALESCE(\(emailID)::integer, reminder_email_id),
                   phone_call_id = COALESCE(\(phoneCallID)::integer, phone_call_id)
             WHERE id = \(id)::integer AND reminder_email_id IS NULL AND phone_call_id IS NULL AND antwort_datum IS NULL
            """) == 1
    }
}
