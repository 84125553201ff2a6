import Synchronization

/// The `migrations` readiness check of a service with a schema: unready while migrations are
/// pending, changed or failed. Once everything was applied the answer is cached: a running
/// binary's migration files cannot change, so the check stops touching the database.
final class MigrationReadiness: Sendable {
    private let schema: String
    private let binary: String
    private let directory: String
    private let database: DatabaseConfig
    private let applied = Mutex(false)

    init(schema: String, binary: String, directory: String, database: DatabaseConfig) {
        self.schema = schema
        self.binary = binary
        self.directory = directory
        self.database = database
    }

    func check() async -> HealthCheckResult {
        if applied.withLock({ $0 }) { return .healthy }
        do {
            let open = try await MigrationCLI.pending(schema: schema, directory: directory, database: database)
            guard open == 0 else {
                return .unhealthy("\(open) migration(s) pending, changed or failed: run `\(binary) migrate status`")
            }
            applied.withLock { $0 = true }
            return .healthy
        } catch {
            return .unhealthy("cannot check migrations (database unavailable or migration folder unreadable)")
        }
    }
}
