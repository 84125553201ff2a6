internal import Shared

/// The queue worker's statements (§6). A row is claimed (`Wird_gesendet`, with the worker's id
/// and the claim time) and committed before the relay is contacted; each outcome is one
/// statement that only applies while the row is still this worker's claim. Rows of a worker
/// that died are reclaimed: at once by the same worker id after a restart, by anyone after the
/// lease expired.
struct PostgresEmailQueue: Sendable {
    let db: PostgresPool
    /// This worker's id (`versand_durch`).
    let worker: String

    /// Claims up to `count` due emails, oldest queued first, skipping rows others hold.
    func claim(_ count: Int) async throws -> [QueuedEmail] {
        let rows = try await db.query("""
            UPDATE communication_service.emails e
               SET status = 'Wird_gesendet', versand_gestartet_am = \(EmailColumns.now), versand_durch = \(worker)::text
              FROM (SELECT id FROM communication_service.emails
                     WHERE status = 'In_Warteschlange'
                       AND (naechster_versuch_am IS NULL OR naechster_versuch_am <= \(EmailColumns.now))
                     ORDER BY in_warteschlange_am NULLS FIRST, id LIMIT \(count)::integer
                     FOR UPDATE SKIP LOCKED) due
             WHERE e.id = due.id
            RETURNING e.id, e.patient_id, e.betreff, e.inhalt_html, e.inhalt_text, e.empfaenger_email, e.absender_email,
                      e.absender_name, e.attachments, e.wiederholungsanzahl
            """)
        return rows.map { row in
            QueuedEmail(id: Int(row.text(at: 0) ?? "") ?? 0, patientID: row.text(at: 1).flatMap { Int($0) },
                        subject: row.text(at: 2) ?? "", html: row.text(at: 3) ?? "", text: row.text(at: 4) ?? "",
                        recipientEmail: row.text(at: 5) ?? "", senderEmail: row.text(at: 6) ?? "",
                        senderName: row.text(at: 7) ?? "", attachments: EmailRecord.attachmentPaths(row.text(at: 8)),
                        attempts: row.text(at: 9).flatMap { Int($0) } ?? 0)
        }.sorted { $0.id < $1.id }
    }

    /// Records `outcome` for a claimed email; false when the claim was no longer this worker's.
    func record(_ id: Int, _ outcome: DeliveryOutcome, retryAfter: Duration = .zero) async throws -> Bool {
        let change: SQL
        switch outcome {
        case .sent:
            change = "status = 'Gesendet', gesendet_am = \(EmailColumns.now), naechster_versuch_am = NULL"
        case .temporaryFailure(let message):
            let seconds = Int(retryAfter.components.seconds)
            change = """
                status = 'In_Warteschlange', fehlermeldung = \(message)::text,
                wiederholungsanzahl = COALESCE(wiederholungsanzahl, 0) + 1,
                naechster_versuch_am = \(EmailColumns.now) + make_interval(secs => \(seconds)::integer)
                """
        case .permanentFailure(let message):
            change = """
                status = 'Fehlgeschlagen', fehlermeldung = \(message)::text,
                wiederholungsanzahl = COALESCE(wiederholungsanzahl, 0) + 1
                """
        case .relayUnavailable:
            change = "status = 'In_Warteschlange'"
        }
        return try await db.execute("""
            UPDATE communication_service.emails
               SET \(change), versand_gestartet_am = NULL, versand_durch = NULL, updated_at = \(EmailColumns.now)
             WHERE id = \(id)::integer AND status = 'Wird_gesendet' AND versand_durch = \(worker)::text
            """) == 1
    }

    /// Puts worker claims back in the queue: this worker's own (at start: they belong to a
    /// previous run that died) or, with `lease`, anyone's older than it. A row set to
    /// `Wird_gesendet` by hand (no claim) is left alone. Returns how many.
    func releaseClaims(own: Bool, olderThan lease: Duration?) async throws -> Int {
        let leaseSeconds = lease.map { Int($0.components.seconds) }
        return try await db.execute("""
            UPDATE communication_service.emails
               SET status = 'In_Warteschlange', versand_gestartet_am = NULL, versand_durch = NULL
             WHERE status = 'Wird_gesendet' AND versand_durch IS NOT NULL
               AND ((\(own)::boolean AND versand_durch = \(worker)::text)
                    OR versand_gestartet_am < \(EmailColumns.now) - make_interval(secs => \(leaseSeconds)::integer))
            """)
    }

    /// Emails waiting (`In_Warteschlange`) and in flight (`Wird_gesendet`).
    func depth() async throws -> (queued: Int, sending: Int) {
        let rows = try await db.query("""
            SELECT count(*) FILTER (WHERE status = 'In_Warteschlange'), count(*) FILTER (WHERE status = 'Wird_gesendet')
              FROM communication_service.emails WHERE status IN ('In_Warteschlange', 'Wird_gesendet')
            """)
        return (try rows.first?.decode(at: 0, as: Int.self) ?? 0, try rows.first?.decode(at: 1, as: Int.self) ?? 0)
    }
}
