internal import Shared

/// The emails of `communication_service.emails`: the API's reads and writes (§2). The queue
/// worker's statements live in `PostgresEmailQueue`.
struct PostgresEmailStore: Sendable {
    let db: PostgresPool

    func insert(_ email: NewEmail) async throws -> EmailRecord {
        let queued = email.status == .inWarteschlange
        let rows = try await db.query("""
            INSERT INTO communication_service.emails
                (therapist_id, patient_id, betreff, inhalt_html, inhalt_text, empfaenger_email, empfaenger_name,
                 absender_email, absender_name, antwort_erhalten, status, in_warteschlange_am, wiederholungsanzahl,
                 created_at, updated_at, attachments)
            VALUES (\(email.recipient.therapistID)::integer, \(email.recipient.patientID)::integer, \(email.subject)::text,
                    \(email.content.html)::text, \(email.content.text)::text, \(email.recipientEmail)::text,
                    \(email.recipientName)::text, \(email.senderEmail)::text, \(email.senderName)::text, false,
                    \(email.status.rawValue)::communication_service.emailstatus,
                    CASE WHEN \(queued)::boolean THEN \(EmailColumns.now) END, 0,
                    \(EmailColumns.now), \(EmailColumns.now), \(EmailColumns.attachments(email.attachments))::jsonb)
            RETURNING \(EmailColumns.select)
            """)
        return EmailColumns.record(rows[0])  // INSERT … RETURNING yields exactly one row
    }

    func record(_ id: Int) async throws -> EmailRecord? {
        try await db.query("SELECT \(EmailColumns.select) FROM communication_service.emails WHERE id = \(id)::integer")
            .first.map(EmailColumns.record)
    }

    /// Applies `changes` in one statement (the row lock of `old` orders concurrent updates);
    /// returns the previous status, the patient (if any) and the new record, or nil when there
    /// is no such email. The resulting status decides the queue timestamps (§2.4 step 3); queueing
    /// again clears a retry backoff.
    func update(_ id: Int, _ changes: EmailChanges) async throws -> (previous: Emailstatus?, patientID: Int?, record: EmailRecord)? {
        let status = changes.status?.rawValue
        let newStatus: SQL = "COALESCE(\(status)::communication_service.emailstatus, e.status)"
        let attachments = changes.attachments.map(EmailColumns.attachments) ?? nil
        let rows = try await db.query("""
            WITH old AS (SELECT id, status FROM communication_service.emails WHERE id = \(id)::integer FOR UPDATE)
            UPDATE communication_service.emails e SET
                status = \(newStatus),
                antwort_erhalten = COALESCE(\(changes.antwortErhalten)::boolean, e.antwort_erhalten),
                antwortdatum = COALESCE(\(changes.antwortdatum)::timestamp, e.antwortdatum),
                antwortinhalt = COALESCE(\(changes.antwortinhalt)::text, e.antwortinhalt),
                fehlermeldung = COALESCE(\(changes.fehlermeldung)::text, e.fehlermeldung),
                attachments = CASE WHEN \(changes.attachments != nil)::boolean THEN \(attachments)::jsonb ELSE e.attachments END,
                updated_at = \(EmailColumns.now),
                in_warteschlange_am = CASE WHEN \(newStatus) = 'In_Warteschlange' AND e.in_warteschlange_am IS NULL
                                           THEN \(EmailColumns.now) ELSE e.in_warteschlange_am END,
                gesendet_am = CASE WHEN \(newStatus) = 'Gesendet' AND e.gesendet_am IS NULL
                                   THEN \(EmailColumns.now) ELSE e.gesendet_am END,
                naechster_versuch_am = CASE WHEN \(status)::text = 'In_Warteschlange' THEN NULL ELSE e.naechster_versuch_am END
            FROM old WHERE e.id = old.id
            RETURNING \(EmailColumns.prefixedSelect), old.status::text
            """)
        guard let row = rows.first else { return nil }
        let record = EmailColumns.record(row)
        let previous = row.text(at: EmailRecord.layout.keys.count).flatMap(Emailstatus.init(rawValue:))
        return (previous, row.text(at: 2).flatMap { Int($0) }, record)
    }

    /// Whether a row was deleted.
    func delete(_ id: Int) async throws -> Bool {
        try await db.execute("DELETE FROM communication_service.emails WHERE id = \(id)::integer") > 0
    }
}

extension PostgresEmailStore: EmailStore {
    func page(_ query: EmailListQuery) async throws -> (records: [EmailRecord], total: Int) {
        try await PostgresEmailReadModel(db: db).page(query)
    }
}
