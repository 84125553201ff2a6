internal import Shared

/// `PhoneCallStore` on PostgreSQL (`communication_service.telefonanrufe`): with the read
/// model, the only SQL of the phone calls.
struct PostgresPhoneCallStore: PhoneCallStore {
    let db: PostgresPool

    func insert(_ call: NewPhoneCall, at time: PhoneCallTime) async throws -> PhoneCall {
        let rows = try await db.query("""
            INSERT INTO \(PhoneCallColumns.table) (\(PhoneCallColumns.insertable))
            VALUES (\(PhoneCallColumns.values(call, at: time))) RETURNING \(PhoneCallColumns.list)
            """)
        return try PhoneCallColumns.call(rows[0])
    }

    /// The slot check and the insert run in one transaction holding a transaction-scoped
    /// advisory lock per therapist (released at commit; fine behind PgBouncer in transaction
    /// mode), so two concurrent requests cannot both see 10:00 as free.
    func insert(_ call: NewPhoneCall, using finder: PhoneCallSlotFinder) async throws -> PhoneCall? {
        try await db.transaction { tx in
            _ = try await tx.query("""
                SELECT pg_advisory_xact_lock(hashtext('telefonanrufe-therapist'), \(finder.therapistID)::integer)
                """)
            let rows = try await tx.query("""
                SELECT DISTINCT geplante_zeit FROM \(PhoneCallColumns.table)
                 WHERE therapist_id = \(finder.therapistID)::integer AND geplantes_datum = \(finder.day)::date
                   AND geplante_zeit = ANY (\(PhoneCallSlotFinder.candidates.map(\.description))::time[])
                   AND status <> \(PhoneCallSlotFinder.nonBlocking.rawValue)::communication_service.telefonanrufstatus
                """)
            let taken = Set(try rows.map { try $0.decode(at: 0, as: PhoneCallTime.self) })
            guard let time = finder.firstFree(taken: taken) else { return nil }
            var placed = call
            placed.geplantesDatum = finder.day
            let inserted = try await tx.query("""
                INSERT INTO \(PhoneCallColumns.table) (\(PhoneCallColumns.insertable))
                VALUES (\(PhoneCallColumns.values(placed, at: time))) RETURNING \(PhoneCallColumns.list)
                """)
            return try PhoneCallColumns.call(inserted[0])
        }
    }

    func update(_ id: PhoneCallID, _ change: @Sendable (PhoneCall) throws -> PhoneCall) async throws -> PhoneCallUpdate {
        try await db.transaction { tx in
            let current = try await tx.query("""
                SELECT \(PhoneCallColumns.list) FROM \(PhoneCallColumns.table) WHERE id = \(id)::integer FOR UPDATE
                """)
            guard let row = current.first else { return .notFound }
            let before = try PhoneCallColumns.call(row)
            let changed = try change(before)
            let rows = try await tx.query("""
                UPDATE \(PhoneCallColumns.table) SET \(PhoneCallColumns.assignments(changed))
                 WHERE id = \(id)::integer RETURNING \(PhoneCallColumns.list)
                """)
            return .updated(before: before, after: try PhoneCallColumns.call(rows[0]))
        }
    }

    func delete(_ id: PhoneCallID) async throws -> Bool {
        try await db.execute("DELETE FROM \(PhoneCallColumns.table) WHERE id = \(id)::integer") == 1
    }
}
