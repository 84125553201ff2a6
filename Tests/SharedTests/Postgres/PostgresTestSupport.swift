import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Shared
import Testing
import TestSupport

/// All Postgres suites nest here so they run one at a time: the restart test stops the server.
@Suite(.serialized) struct PostgresTests {}

/// The throwaway cluster of `scripts/test-postgres.sh` (started by `make test`).
enum PGTest {
    struct MissingEnvironment: Error, CustomStringConvertible {
        let description = "TEST_DB_* / TEST_PGBOUNCER_* are not set: run `eval \"$(scripts/test-postgres.sh start)\"` "
            + "before `swift test` (make test does this)"
    }

    static func variable(_ key: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[key], !value.isEmpty else { throw MissingEnvironment() }
        return value
    }

    static func config(maxConnections: Int = 4, applicationName: String = "pgtest-\(UInt32.random(in: 0...UInt32.max))") throws -> DatabaseConfig {
        let env = Environment([
            "DB_HOST": try variable("TEST_DB_HOST"), "DB_PORT": try variable("TEST_DB_PORT"),
            "DB_NAME": try variable("TEST_DB_NAME"), "DB_USER": try variable("TEST_DB_USER"),
            "DB_PASSWORD": try variable("TEST_DB_PASSWORD"),
            "PGBOUNCER_HOST": try variable("TEST_PGBOUNCER_HOST"), "PGBOUNCER_PORT": try variable("TEST_PGBOUNCER_PORT"),
            "DB_POOL_MAX": String(maxConnections), "DB_CONNECT_TIMEOUT": "2",
        ])
        var reader = ConfigReader(env)
        let config = DatabaseConfig(reading: &reader, applicationName: applicationName)
        try reader.finish()
        return config
    }

    static func pool(pooled: Bool = false, maxConnections: Int = 4, tuning: PostgresPool.Tuning = .init(),
                     metrics: MetricsRegistry = MetricsRegistry()) throws -> PostgresPool {
        let config = try config(maxConnections: maxConnections)
        return PostgresPool(config: config, endpoint: pooled ? config.pooled : config.direct, metrics: metrics,
                            logger: Logger(service: "pgtest", level: .critical), tuning: tuning)
    }

    /// A fresh table name; `body` gets it, the table is dropped afterwards.
    static func withTable<T>(_ pool: PostgresPool, _ columns: String, _ body: (SQL) async throws -> T) async throws -> T {
        let table = SQL(unsafe: "t_\(UInt64.random(in: 0...UInt64.max))")
        try await pool.execute("CREATE TABLE \(table) (\(SQL(unsafe: columns)))")
        do {
            let value = try await body(table)
            try await pool.execute("DROP TABLE \(table)")
            return value
        } catch {
            _ = try? await pool.execute("DROP TABLE \(table)")
            throw error
        }
    }

    /// Runs `scripts/test-postgres.sh <command>` (pg-stop / pg-start) on an owned thread.
    static func control(_ command: String) async throws {
        let script = try variable("TEST_POSTGRES_CONTROL")
        // Foundation's Process needs a run loop to notice the exit; plain system(3) does not.
        let status = try await blocking { system("'\(script)' \(command)") }
        guard status == 0 else { throw TestSupportError("test-postgres.sh \(command) exited \(status)") }
    }
}
