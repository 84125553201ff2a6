internal import Shared

/// The batch filters (`ids`, `plz_prefix`, extensions for the matching service): the status
/// counters cannot total them, so the page tells its total when it is not full and only a full
/// page (or one past the end) counts separately, with the same filter.
extension PostgresPatientReadModel {
    func batchPage(_ query: PatientListQuery) async throws -> (records: [PatientRecord], total: Int) {
        let filter = Self.filter(query)
        let rows = try await db.query("""
            SELECT * FROM patient_service.patienten \(filter)
             ORDER BY id LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        var records: [PatientRecord] = []
        if let first = rows.first {
            let columns = try PatientRecordColumns(columnNames: first.columnNames)
            records = rows.map(columns.record)
        }
        if let total = query.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (records, total) }
        let total = try await db.query("SELECT count(*) FROM patient_service.patienten \(filter)")
        return (records, try total.first?.decode(at: 0, as: Int.self) ?? 0)
    }

    /// `WHERE …` with every set filter, AND-combined; empty without filters.
    static func filter(_ query: PatientListQuery) -> SQL {
        var conditions: [SQL] = []
        if let status = query.status?.rawValue { conditions.append("status = \(status)::patient_service.patientenstatus") }
        if let ids = query.ids { conditions.append("id = ANY (\(ids)::bigint[])") }
        if let prefix = query.plzPrefix { conditions.append("plz LIKE \(SQL.escapingLike(prefix) + "%")::text") }
        if let search = query.search {
            let pattern = "%" + SQL.escapingLike(search) + "%"
            conditions.append("(vorname ILIKE \(pattern)::text OR nachname ILIKE \(pattern)::text OR email ILIKE \(pattern)::text)")
        }
        guard var sql = conditions.first.map({ SQL("WHERE \($0)") }) else { return "" }
        for condition in conditions.dropFirst() { sql = "\(sql) AND \(condition)" }
        return sql
    }
}
