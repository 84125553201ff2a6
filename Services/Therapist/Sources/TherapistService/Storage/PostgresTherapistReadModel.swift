internal import Shared

/// `TherapistReadModel`: `SELECT *` rows taken as records without decoding, in one statement
/// per request. Absent filters are NULL parameters; statements are unnamed, so PostgreSQL plans
/// each with the actual values and drops the NULL branches (the status/PLZ index serves the
/// matching service's `status=aktiv&plz_prefix=NN` list).
struct PostgresTherapistReadModel: TherapistReadModel {
    let db: PostgresPool

    func record(_ id: TherapistID) async throws -> TherapistRecord? {
        let rows = try await db.query("SELECT * FROM therapist_service.therapeuten WHERE id = \(id)::integer")
        guard let row = rows.first else { return nil }
        return TherapistRecord(values: try TextRecordColumns(TherapistRecord.layout, columnNames: row.columnNames).values(row))
    }

    func page(_ query: TherapistListQuery) async throws -> (records: [TherapistRecord], total: Int) {
        let status = query.status?.rawValue
        let prefix = query.plzPrefix.map { PostgresTherapistStore.escapeLike($0) + "%" }
        let pattern = query.search.map { "%" + PostgresTherapistStore.escapeLike($0) + "%" }
        let methods = query.searchedMethods.map(\.rawValue)
        let filter: SQL = """
            WHERE (\(status)::therapist_service.therapeutstatus IS NULL OR status = \(status)::therapist_service.therapeutstatus)
              AND (\(query.potenziellVerfuegbar)::boolean IS NULL OR potenziell_verfuegbar = \(query.potenziellVerfuegbar)::boolean)
              AND (\(prefix)::text IS NULL OR plz LIKE \(prefix)::text)
              AND (\(pattern)::text IS NULL OR vorname ILIKE \(pattern)::text OR nachname ILIKE \(pattern)::text
                   OR psychotherapieverfahren = ANY (\(methods)::therapist_service.therapieverfahren[]))
            """
        let rows = try await db.query("""
            SELECT count(*) OVER () AS total, t.* FROM therapist_service.therapeuten t \(filter)
             ORDER BY id LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        guard let first = rows.first else {
            // Past the last page: the total still counts.
            let total = try await db.query("SELECT count(*) FROM therapist_service.therapeuten t \(filter)")
            return ([], try total.first?.decode(at: 0, as: Int.self) ?? 0)
        }
        let columns = try TextRecordColumns(TherapistRecord.layout, columnNames: first.columnNames)
        return (rows.map { TherapistRecord(values: columns.values($0)) }, try first.decode("total", as: Int.self))
    }
}
