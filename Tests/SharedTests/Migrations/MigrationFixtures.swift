import Shared

/// Small migration sets used across the migration tests.
enum MigrationFixtures {
    static let schema = "patient_service"

    static func file(_ name: String, _ sql: String) throws -> MigrationFile {
        try MigrationFile(fileName: name, sql: sql)
    }

    /// Three transactional files, V0001–V0003.
    static func three() throws -> [MigrationFile] {
        [
            try file("V0001__create_schema.sql", "-- owner: test\nCREATE SCHEMA IF NOT EXISTS patient_service;\n"),
            try file("V0002__create_outbox.sql", "CREATE TABLE patient_service.outbox (id bigint);\n"),
            try file("V0003__add_index.sql", "CREATE INDEX a ON patient_service.outbox (id);\nANALYZE patient_service.outbox;\n"),
        ]
    }

    static func migrator(_ files: [MigrationFile], _ database: FakeMigrationDatabase) throws -> Migrator {
        try Migrator(schema: schema, binary: "patient", files: files, database: database)
    }

    static func row(_ file: MigrationFile, success: Bool = true, checksum: UInt32? = nil) -> AppliedMigration {
        AppliedMigration(version: file.version, description: file.description,
                         checksum: checksum ?? file.checksum, success: success, appliedAt: "2025-02-03 04:05:06+00")
    }
}
