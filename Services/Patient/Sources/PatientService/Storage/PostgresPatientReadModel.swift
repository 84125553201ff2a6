internal import Shared

/// `PatientReadModel`: `SELECT *` rows (cheap to parse and plan, unlike a long column list)
/// taken as records without decoding; a page's total comes from the counters of migration V0004
/// (a count only for searches), in the same statement; the batch filters count themselves
/// (`+Batch`).
struct PostgresPatientReadModel: PatientReadModel {
    let db: PostgresPool

    func record(_ id: PatientID) async throws -> PatientRecord? {
        let rows = try await db.query("SELECT * FROM patient_service.patienten WHERE id = \(id)::integer")
        guard let row = rows.first else { return nil }
        return try PatientRecordColumns(columnNames: row.columnNames).record(row)
    }

    func page(_ query: PatientListQuery) async throws -> (records: [PatientRecord], total: Int) {
        if query.ids != nil || query.plzPrefix != nil { return try await batchPage(query) }
        let pattern = query.search.map { "%" + SQL.escapingLike($0) + "%" }
        let status = query.status?.rawValue
        let filter: SQL = pattern == nil
            ? (status == nil ? "" : "WHERE status = \(status)::patient_service.patientenstatus")
            : """
              WHERE (\(status)::patient_service.patientenstatus IS NULL OR status = \(status)::patient_service.patientenstatus)
                AND (vorname ILIKE \(pattern) OR nachname ILIKE \(pattern) OR email ILIKE \(pattern))
              """
        let rows = try await db.query("""
            SELECT (SELECT patient_service.patient_total(\(status)::text, \(pattern)::text)) AS total, p.*
              FROM patient_service.patienten p \(filter)
             ORDER BY id LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        guard let first = rows.first else {
            let total = try await db.query("SELECT patient_service.patient_total(\(status)::text, \(pattern)::text)")
            return ([], try total.first?.decode(at: 0, as: Int.self) ?? 0)
        }
        let columns = try PatientRecordColumns(columnNames: first.columnNames)
        return (rows.map(columns.record), try first.decode("total", as: Int.self))
    }
}
