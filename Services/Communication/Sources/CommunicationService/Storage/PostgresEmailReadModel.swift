internal import Shared

/// `GET /api/emails` (§2.1): only the set filters enter the statement, newest first (the
/// partial `(patient_id, created_at DESC, id DESC)` indexes serve the per-recipient lists), and
/// a page's total needs no count when the page is not full.
struct PostgresEmailReadModel: Sendable {
    let db: PostgresPool

    func page(_ query: EmailListQuery) async throws -> (records: [EmailRecord], total: Int) {
        let filter = Self.filter(query)
        let rows = try await db.query("""
            SELECT \(EmailColumns.select) FROM communication_service.emails \(filter)
             ORDER BY created_at DESC NULLS LAST, id DESC LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        let records = rows.map(EmailColumns.record)
        if let total = query.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (records, total) }
        let total = try await db.query("SELECT count(*) FROM communication_service.emails \(filter)")
        return (records, try total.first?.decode(at: 0, as: Int.self) ?? 0)
    }

    /// `WHERE …` with the set filters, AND-combined; empty without filters.
    static func filter(_ query: EmailListQuery) -> SQL {
        var conditions: [SQL] = []
        if let id = query.therapistID { conditions.append("therapist_id = \(id)::integer") }
        if let id = query.patientID { conditions.append("patient_id = \(id)::integer") }
        switch query.recipientType {
        case "therapist": conditions.append("therapist_id IS NOT NULL")
        case "patient": conditions.append("patient_id IS NOT NULL")
        default: break
        }
        if let status = query.status { conditions.append("status = \(status.rawValue)::communication_service.emailstatus") }
        guard var sql = conditions.first.map({ SQL("WHERE \($0)") }) else { return "" }
        for condition in conditions.dropFirst() { sql = "\(sql) AND \(condition)" }
        return sql
    }
}
