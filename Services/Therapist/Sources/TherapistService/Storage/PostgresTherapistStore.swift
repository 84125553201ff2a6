public import Shared

/// `TherapistStore` on PostgreSQL (schema `therapist_service`): with the read model, the only
/// SQL of the service.
public struct PostgresTherapistStore: TherapistStore {
    let db: PostgresPool

    /// A store on `db`.
    public init(db: PostgresPool) { self.db = db }

    public func find(_ id: TherapistID) async throws -> Therapist? {
        try await db.query("SELECT \(TherapistColumns.list) FROM therapist_service.therapeuten WHERE id = \(id)::integer")
            .first.map(TherapistColumns.therapist)
    }

    public func insert(_ therapist: Therapist) async throws -> Therapist {
        let rows = try await db.query("""
            INSERT INTO therapist_service.therapeuten (\(TherapistColumns.writable))
            VALUES (\(TherapistColumns.values(therapist))) RETURNING \(TherapistColumns.list)
            """)
        return try TherapistColumns.therapist(rows[0])
    }

    public func update(_ id: TherapistID, _ change: @Sendable (Therapist) throws -> Therapist?) async throws -> TherapistUpdate {
        try await db.transaction { tx in
            let current = try await tx.query("""
                SELECT \(TherapistColumns.list) FROM therapist_service.therapeuten WHERE id = \(id)::integer FOR UPDATE
                """)
            guard let row = current.first else { return .notFound }
            let stored = try TherapistColumns.therapist(row)
            guard let changed = try change(stored) else { return .unchanged(stored) }
            let rows = try await tx.query("""
                UPDATE therapist_service.therapeuten SET (\(TherapistColumns.writable)) = (\(TherapistColumns.values(changed)))
                 WHERE id = \(id)::integer RETURNING \(TherapistColumns.list)
                """)
            return .updated(try TherapistColumns.therapist(rows[0]))
        }
    }

    public func delete(_ id: TherapistID) async throws -> Bool {
        try await db.execute("DELETE FROM therapist_service.therapeuten WHERE id = \(id)::integer") == 1
    }
}
