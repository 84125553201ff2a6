import Foundation
import Synchronization
public import Shared

/// The throwaway database `make test` starts (`scripts/test-postgres.sh`), as the `DB_*` and
/// `PGBOUNCER_*` variables the services read. Empty when the cluster is not running, in which
/// case a service with a schema fails to start with "missing DB_HOST, …" — a clear failure.
public enum TestDatabase {
    public static var serviceEnvironment: [String: String] {
        let env = ProcessInfo.processInfo.environment
        let mapping = ["DB_HOST": "TEST_DB_HOST", "DB_PORT": "TEST_DB_PORT", "DB_NAME": "TEST_DB_NAME",
                       "DB_USER": "TEST_DB_USER", "DB_PASSWORD": "TEST_DB_PASSWORD",
                       "PGBOUNCER_HOST": "TEST_PGBOUNCER_HOST", "PGBOUNCER_PORT": "TEST_PGBOUNCER_PORT"]
        var values: [String: String] = [:]
        for (key, source) in mapping { if let value = env[source], !value.isEmpty { values[key] = value } }
        // All suites run at once on small machines: a connection that is merely slow to open
        // must not count as the database being down (a stopped server still fails at once).
        values["DB_CONNECT_TIMEOUT"] = "20"
        return values
    }

    /// `migrations/<service>` of this checkout, as an absolute path.
    public static func migrationsDirectory(_ service: String) -> String {
        Repository.path("migrations/\(service)")
    }

    /// Applies the service's migrations to the test database, as `<service> migrate up` does,
    /// once per test process and schema: tests run in parallel, and a migration run per fixture
    /// held a direct connection each (the cluster's connection slots ran out). A failed run is
    /// not remembered, so the next caller tries again and sees the error itself.
    public static func migrate<App: ServiceApplication>(_ type: App.Type, environment: [String: String]) async throws {
        let schema = App.schema!
        try await migrationLock.withLock {
            if migrated.withLock({ $0.contains(schema) }) { return }
            try await migrateNow(App.self, environment: environment)
            migrated.withLock { _ = $0.insert(schema) }
        }
    }

    /// Concurrent first callers wait for the one migration run.
    static let migrationLock = AsyncLock()
    /// Schemas migrated by this process.
    static let migrated = Mutex<Set<String>>([])

    static func migrateNow<App: ServiceApplication>(_ type: App.Type, environment: [String: String]) async throws {
        var reader = ConfigReader(Environment(environment))
        let database = DatabaseConfig(reading: &reader, applicationName: "\(App.descriptor.name)-test-migrate")
        try reader.finish()
        var lines: [String] = []
        let code = await MigrationCLI.run(arguments: ["up"], schema: App.schema!, binary: App.descriptor.name,
                                          directory: migrationsDirectory(App.descriptor.name), database: database) {
            lines.append($0)
        }
        guard code == 0 else { throw TestSupportError("migrate up failed (\(code)): \(lines.joined(separator: " | "))") }
    }
}
