internal import Shared

/// `PhoneCallReadModel`: rows taken as records without decoding (the wire texts are made in
/// SQL, `PhoneCallColumns.record`). Only the set filters enter the statement; a page's total
/// needs no count when the page is not full (`offset + rows`).
struct PostgresPhoneCallReadModel: PhoneCallReadModel {
    let db: PostgresPool

    func record(_ id: PhoneCallID) async throws -> PhoneCallRecord? {
        let rows = try await db.query("SELECT \(PhoneCallColumns.record) FROM \(PhoneCallColumns.table) WHERE id = \(id)::integer")
        guard let row = rows.first else { return nil }
        return PhoneCallRecord(values: try TextRecordColumns(PhoneCallRecord.layout, columnNames: row.columnNames).values(row))
    }

    func page(_ query: PhoneCallListQuery) async throws -> (records: [PhoneCallRecord], total: Int) {
        let filter = Self.filter(query)
        let rows = try await db.query("""
            SELECT \(PhoneCallColumns.record) FROM \(PhoneCallColumns.table) \(filter)
             ORDER BY geplantes_datum DESC, \(PhoneCallColumns.table).geplante_zeit DESC, id DESC
             LIMIT \(query.limit)::integer OFFSET \(query.offset)::bigint
            """)
        let records: [PhoneCallRecord]
        if let first = rows.first {
            let columns = try TextRecordColumns(PhoneCallRecord.layout, columnNames: first.columnNames)
            records = rows.map { PhoneCallRecord(values: columns.values($0)) }
        } else {
            records = []
        }
        if let total = query.paging.totalWithoutCounting(rowsOnPage: rows.count) { return (records, total) }
        let total = try await db.query("SELECT count(*) FROM \(PhoneCallColumns.table) \(filter)")
        return (records, try total.first?.decode(at: 0, as: Int.self) ?? 0)
    }

    /// `WHERE …` with the set filters, AND-combined; empty without filters. Ids compare as
    /// `bigint`, so an id beyond `integer` simply matches nothing.
    static func filter(_ query: PhoneCallListQuery) -> SQL {
        var conditions: [SQL] = []
        switch query.recipientType {
        case .therapist: conditions.append("therapist_id IS NOT NULL AND patient_id IS NULL")
        case .patient: conditions.append("patient_id IS NOT NULL AND therapist_id IS NULL")
        case nil: break
        }
        if let id = query.therapistID { conditions.append("therapist_id = \(id)::bigint") }
        if let id = query.patientID { conditions.append("patient_id = \(id)::bigint") }
        if let id = query.therapeutenanfrageID { conditions.append("therapeutenanfrage_id = \(id)::bigint") }
        if let status = query.status?.rawValue {
            conditions.append("status = \(status)::communication_service.telefonanrufstatus")
        }
        if let date = query.geplantesDatum { conditions.append("geplantes_datum = \(date)::date") }
        guard var sql = conditions.first.map({ SQL("WHERE \($0)") }) else { return "" }
        for condition in conditions.dropFirst() { sql = "\(sql) AND \(condition)" }
        return sql
    }
}
