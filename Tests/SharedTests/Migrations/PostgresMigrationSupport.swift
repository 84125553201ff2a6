import Foundation
import Shared
import Testing

/// A unique schema plus a temp migrations folder for one test against the real database;
/// `MigPG.with` drops both afterwards, also when the test fails.
struct MigPG: Sendable {
    let schema: String
    let directory: String
    let config: DatabaseConfig
    let pool: PostgresPool

    static func with(_ body: (MigPG) async throws -> Void) async throws {
        let schema = "mig_\(UInt64.random(in: 0...UInt64.max))"
        let directory = NSTemporaryDirectory() + "/migpg-\(schema)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fixture = MigPG(schema: schema, directory: directory, config: try PGTest.config(), pool: try PGTest.pool())
        do {
            try await body(fixture)
        } catch {
            await fixture.cleanUp()
            throw error
        }
        await fixture.cleanUp()
    }

    private func cleanUp() async {
        _ = try? await pool.transaction { tx in
            try await tx.execute("SET LOCAL client_min_messages = warning")
            try await tx.execute("DROP SCHEMA IF EXISTS \(SQL(unsafe: schema)) CASCADE")
        }
        await pool.shutdown(until: .now + .seconds(5))
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes (or overwrites) a migration file; `{s}` in `sql` becomes the schema name.
    func write(_ name: String, _ sql: String) throws {
        let text = sql.replacingOccurrences(of: "{s}", with: schema)
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    /// `MigrationCLI.run` with the given arguments; returns the exit code and the lines.
    func cli(_ arguments: String...) async -> (code: Int32, lines: [String]) {
        var lines: [String] = []
        let code = await MigrationCLI.run(arguments: ["migrate"] + arguments, schema: schema, binary: "patient",
                                          directory: directory, database: config) { lines.append($0) }
        return (code, lines)
    }

    func pending() async throws -> Int {
        try await MigrationCLI.pending(schema: schema, directory: directory, database: config)
    }

    /// A migrator on its own direct session; the session is closed after `body`.
    func withMigrator<T: Sendable>(lockTimeout: Duration = .seconds(30),
                                   _ body: @Sendable (Migrator) async throws -> T) async throws -> T {
        let database = try await PostgresMigrationDatabase.connect(config, lockTimeout: lockTimeout)
        defer { database.close() }
        let migrator = try Migrator(schema: schema, binary: "patient",
                                    files: try MigrationDirectory.load(path: directory), database: database)
        return try await body(migrator)
    }

    /// Whether `<schema>.<table>` exists.
    func tableExists(_ table: String) async throws -> Bool {
        let name = "\(schema).\(table)"
        return try await pool.query("SELECT to_regclass(\(name)) IS NOT NULL AS found")[0].decode("found", as: Bool.self)
    }

    /// `(version, success, checksum)` of every history row.
    func history() async throws -> [(version: Int, success: Bool, checksum: Int64)] {
        try await pool.query("SELECT version, success, checksum FROM \(SQL(unsafe: schema)).schema_migrations ORDER BY version")
            .map { (try $0.decode("version", as: Int.self), try $0.decode("success", as: Bool.self),
                    try $0.decode("checksum", as: Int64.self)) }
    }
}
