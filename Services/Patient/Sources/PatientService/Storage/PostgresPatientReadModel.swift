internal import Shared

/// `PatientReadModel`: `SELECT *` rows (cheap to parse and plan, unlike a long column list)
/// written to JSON without decoding; a page's total comes from the counters of migration V0004
/// (a count only for searches), in the same statement.
struct PostgresPatientReadModel: PatientReadModel {
    let db: PostgresPool

    func patientDocument(_ id: PatientID) async throws -> [UInt8]? {
        let rows = try await db.query("SELECT * FROM patient_service.patienten WHERE id = \(id)::integer")
        guard let row = rows.first else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        try PatientDocumentWriter(columnNames: row.columnNames).append(row, to: &out)
        return out
    }

    func pageDocument(_ query: PatientListQuery) async throws -> (data: [UInt8], total: Int) {
        let pattern = query.search.map { "%" + PostgresPatientStore.escapeLike($0) + "%" }
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
            return (Array("[]".utf8), try total.first?.decode(at: 0, as: Int.self) ?? 0)
        }
        let writer = try PatientDocumentWriter(columnNames: first.columnNames)
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(rows.count * 900 + 2)
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            writer.append(row, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return (out, try first.decode("total", as: Int.self))
    }
}
