internal import Shared

/// `PatientReadModel` on the functions of migration V0004: plans cached per backend, JSON built
/// by PostgreSQL, totals from the trigger-maintained counters.
struct PostgresPatientReadModel: PatientReadModel {
    let db: PostgresPool

    func patientDocument(_ id: PatientID) async throws -> [UInt8]? {
        let rows = try await db.query("SELECT patient_service.patient_document(\(id)::integer)")
        guard let text = try rows.first?.decode(at: 0, as: String?.self) else { return nil }
        return Array(text.utf8)
    }

    func pageDocument(_ query: PatientListQuery) async throws -> (data: [UInt8], total: Int) {
        let pattern = query.search.map { "%" + PostgresPatientStore.escapeLike($0) + "%" }
        let rows = try await db.query("""
            SELECT data, total FROM patient_service.patient_page(\(query.status?.rawValue)::text, \(pattern)::text,
                                                                 \(query.limit)::integer, \(query.offset)::bigint)
            """)
        guard let row = rows.first else { return (Array("[]".utf8), 0) }
        return (Array(try row.decode(at: 0, as: String.self).utf8), try row.decode(at: 1, as: Int.self))
    }
}
