public import Shared

/// `PatientStore` on PostgreSQL (schema `patient_service`): the only SQL of the service.
public struct PostgresPatientStore: PatientStore {
    let db: PostgresPool

    /// A store on `db`.
    public init(db: PostgresPool) { self.db = db }

    public func find(_ id: PatientID) async throws -> Patient? {
        try await db.query("SELECT \(PatientColumns.list) FROM patient_service.patienten WHERE id = \(id)::integer")
            .first.map(PatientColumns.patient)
    }

    public func exists(_ id: PatientID) async throws -> Bool {
        try await !db.query("SELECT 1 FROM patient_service.patienten WHERE id = \(id)::integer").isEmpty
    }

    public func insert(_ patient: Patient) async throws -> Patient {
        let rows = try await db.query("""
            INSERT INTO patient_service.patienten (\(PatientWrite.columns))
            VALUES (\(PatientWrite.values(patient))) RETURNING \(PatientColumns.list)
            """)
        return try PatientColumns.patient(rows[0])
    }

    public func insertRegistration(_ patient: Patient, key: String, file: String) async throws -> RegistrationInsert {
        try await db.transaction { tx in
            let claimed = try await tx.execute("""
                INSERT INTO patient_service.registration_imports (registration_key, file_name)
                VALUES (\(key)::text, \(file)::text) ON CONFLICT (registration_key) DO NOTHING
                """)
            guard claimed == 1 else {
                let rows = try await tx.query("""
                    SELECT patient_id FROM patient_service.registration_imports WHERE registration_key = \(key)::text
                    """)
                return .duplicate(try rows.first?.decode("patient_id", as: Int?.self))
            }
            let rows = try await tx.query("""
                INSERT INTO patient_service.patienten (\(PatientWrite.columns))
                VALUES (\(PatientWrite.values(patient))) RETURNING \(PatientColumns.list)
                """)
            let stored = try PatientColumns.patient(rows[0])
            try await tx.execute("""
                UPDATE patient_service.registration_imports SET patient_id = \(stored.id)::integer
                 WHERE registration_key = \(key)::text
                """)
            return .inserted(stored)
        }
    }

    public func update<Result: Sendable>(_ id: PatientID,
                                         _ change: @Sendable (Patient) throws -> (Patient, Result)) async throws -> (Patient, Result)? {
        try await db.transaction { tx in
            let current = try await tx.query("""
                SELECT \(PatientColumns.list) FROM patient_service.patienten WHERE id = \(id)::integer FOR UPDATE
                """)
            guard let row = current.first else { return nil }
            let (changed, result) = try change(try PatientColumns.patient(row))
            let rows = try await tx.query("""
                UPDATE patient_service.patienten SET (\(PatientWrite.columns)) = (\(PatientWrite.values(changed)))
                 WHERE id = \(id)::integer RETURNING \(PatientColumns.list)
                """)
            return (try PatientColumns.patient(rows[0]), result)
        }
    }

    public func delete(_ id: PatientID) async throws -> Bool {
        try await db.execute("DELETE FROM patient_service.patienten WHERE id = \(id)::integer") == 1
    }

    public func setLastContact(_ id: PatientID, to date: LocalDate, today: LocalDate) async throws -> Bool {
        try await db.execute("""
            UPDATE patient_service.patienten SET letzter_kontakt = \(date)::date, updated_at = \(today)::date
             WHERE id = \(id)::integer
            """) == 1
    }
}
