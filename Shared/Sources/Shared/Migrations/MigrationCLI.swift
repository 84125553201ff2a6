/// What service binaries call: `<binary> migrate …` and the readiness count. Both open one
/// direct session (`DatabaseConfig.direct`, never PgBouncer) and close it afterwards.
public enum MigrationCLI {
    /// Runs `arguments` (`migrate up`, `status`, `validate`, `repair`, `baseline <v>`) for the
    /// files in `directory` against `schema`, writing lines to `output`. Exit codes as
    /// `MigrationCommand`: 0 ok, 1 problems or failures (unreadable files, no database), 2 usage.
    public static func run(
        arguments: [String], schema: String, binary: String, directory: String,
        database config: DatabaseConfig, output: (String) -> Void
    ) async -> Int32 {
        do {
            _ = try MigrationCommand.parse(arguments)
        } catch {
            output(error.message)
            return MigrationCommand.exitUsage
        }
        let database: PostgresMigrationDatabase
        let migrator: Migrator
        do {
            let files = try MigrationDirectory.load(path: directory)
            database = try await PostgresMigrationDatabase.connect(config)
            do {
                migrator = try Migrator(schema: schema, binary: binary, files: files, database: database)
            } catch {
                database.close()
                throw error
            }
        } catch {
            output("migrate failed: \(error)")
            return MigrationCommand.exitProblems
        }
        defer { database.close() }
        return await MigrationCommand.run(arguments, migrator: migrator, output: output)
    }

    /// The number of versions that are pending or have a problem (drift, missing file, failed,
    /// out of order): 0 means the schema matches the files. For readiness checks; the lock
    /// wait is short so a running migration makes this throw rather than hang.
    public static func pending(schema: String, directory: String, database config: DatabaseConfig) async throws -> Int {
        let files = try MigrationDirectory.load(path: directory)
        let database = try await PostgresMigrationDatabase.connect(config, lockTimeout: .seconds(5))
        defer { database.close() }
        let plan = try await Migrator(schema: schema, binary: schema, files: files, database: database).validate()
        return Set(plan.pending.map(\.version)).union(plan.problems.map(\.version)).count
    }
}
