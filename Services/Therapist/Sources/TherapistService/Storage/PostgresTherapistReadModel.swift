internal import Shared

/// `TherapistReadModel`: `SELECT *` rows taken as records without decoding. Only the filters
/// that are set enter the statement (the `(status, plz)` index serves the matching service's
/// `status=aktiv&plz_prefix=NN&limit=1000`), and a page's total needs no count when the page
/// is not full: `offset + rows`. Only a full page (or one past the end) counts separately,
/// with the same filter (the original counted in a second query too).
struct PostgresTherapistReadModel: TherapistReadModel {
    let db: PostgresPool

    func record(_ id: TherapistID) async throws -> TherapistRecord? {
        let rows = try await db.query("SELECT * FROM therapist_service.therapeuten WHERE id = \(id)::integer")
        guard let row = rows.first else { return nil }
        return TherapistRecord(values: try TextRecordColumns(TherapistRecord.layout, columnNames: row.columnNames).values(row))
    }

    func page(_ query: TherapistListQuery) async throws -> (records: [TherapistRecord], total: Int) {
        let filter = Self.filter(query)
        let rows = try await db.query("""
            SELECT * FROM therapist_service.therapeuten \(filter)
             ORDER BY id LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        let records: [TherapistRecord]
        if let first = rows.first {
            let columns = try TextRecordColumns(TherapistRecord.layout, columnNames: first.columnNames)
            records = rows.map { TherapistRecord(values: columns.values($0)) }
        } else {
            records = []
        }
        if let total = query.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (records, total) }
        let total = try await db.query("SELECT count(*) FROM therapist_service.therapeuten \(filter)")
        return (records, try total.first?.decode(at: 0, as: Int.self) ?? 0)
    }

    /// `WHERE …` with the set filters, AND-combined; empty without filters.
    static func filter(_ query: TherapistListQuery) -> SQL {
        var conditions: [SQL] = []
        if let status = query.status?.rawValue { conditions.append("status = \(status)::therapist_service.therapeutstatus") }
        if let ids = query.ids { conditions.append("id = ANY (\(ids)::bigint[])") }
        if let flag = query.potenziellVerfuegbar { conditions.append("potenziell_verfuegbar = \(flag)::boolean") }
        if let prefix = query.plzPrefix {
            conditions.append("plz LIKE \(SQL.escapingLike(prefix) + "%")::text")
        }
        if let search = query.search {
            let pattern = "%" + SQL.escapingLike(search) + "%"
            let methods = query.searchedMethods.map(\.rawValue)
            conditions.append("""
                (vorname ILIKE \(pattern)::text OR nachname ILIKE \(pattern)::text
                 OR psychotherapieverfahren = ANY (\(methods)::therapist_service.therapieverfahren[]))
                """)
        }
        guard var sql = conditions.first.map({ SQL("WHERE \($0)") }) else { return "" }
        for condition in conditions.dropFirst() { sql = "\(sql) AND \(condition)" }
        return sql
    }
}
