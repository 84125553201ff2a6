import Shared

/// An in-memory `MigrationDatabase`: history rows per schema, an advisory lock with a FIFO of
/// waiters, transactional and autocommit execution, and statements made to fail on demand.
actor FakeMigrationDatabase: MigrationDatabase {
    struct StatementFailure: Error, CustomStringConvertible {
        let statement: String
        var description: String { "syntax error in '\(statement)'" }
    }

    private(set) var rows: [String: [Int: AppliedMigration]] = [:]
    /// Effects of executed statements that were committed (one entry per statement).
    private(set) var committed: [String] = []
    /// How often `apply` ran per version.
    private(set) var applyCounts: [Int: Int] = [:]
    /// The most lock holders seen at once; 1 means the lock excluded everyone else.
    private(set) var maxConcurrentHolders = 0
    private var failing: [String] = []
    private var held: Set<Int64> = []
    private var holders = 0
    private var waiters: [Int64: [CheckedContinuation<Void, Never>]] = [:]
    private var clock = 0

    /// Statements containing `fragment` fail from now on.
    func failStatements(containing fragment: String) { failing.append(fragment) }

    /// Statements stop failing ("the fix").
    func clearFailures() { failing = [] }

    /// Inserts a history row directly, as if written by an earlier run.
    func seed(_ row: AppliedMigration, schema: String) { rows[schema, default: [:]][row.version] = row }

    func withAdvisoryLock<T: Sendable>(key: Int64, _ body: @Sendable () async throws -> T) async throws -> T {
        if held.contains(key) {
            await withCheckedContinuation { waiters[key, default: []].append($0) }
        }
        held.insert(key)
        holders += 1
        maxConcurrentHolders = max(maxConcurrentHolders, holders)
        defer { release(key) }
        return try await body()
    }

    private func release(_ key: Int64) {
        holders -= 1
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue
            next.resume()   // ownership passes straight to the next waiter
        } else {
            held.remove(key)
        }
    }

    func ensureSchemaAndHistory(schema: String) async throws {
        if rows[schema] == nil { rows[schema] = [:] }
    }

    func history(schema: String) async throws -> [AppliedMigration] {
        (rows[schema] ?? [:]).values.sorted { $0.version < $1.version }
    }

    func apply(_ file: MigrationFile, schema: String, inTransaction: Bool) async throws {
        applyCounts[file.version, default: 0] += 1
        var effects: [String] = []
        for statement in Self.statements(file.sql) {
            await Task.yield()   // let a concurrent runner interleave if the lock did not stop it
            if failing.contains(where: statement.contains) {
                if !inTransaction { committed += effects }
                throw StatementFailure(statement: statement)
            }
            effects.append(statement)
        }
        committed += effects
        record(file, schema: schema, success: true)
    }

    func recordFailure(_ file: MigrationFile, schema: String) async throws {
        record(file, schema: schema, success: false)
    }

    func recordBaseline(_ files: [MigrationFile], schema: String) async throws {
        files.forEach { record($0, schema: schema, success: true) }
    }

    func removeFailed(schema: String) async throws -> [AppliedMigration] {
        let failed = (rows[schema] ?? [:]).values.filter { !$0.success }.sorted { $0.version < $1.version }
        failed.forEach { rows[schema]?[$0.version] = nil }
        return failed
    }

    private func record(_ file: MigrationFile, schema: String, success: Bool) {
        clock += 1
        rows[schema, default: [:]][file.version] = AppliedMigration(
            version: file.version, description: file.description, checksum: file.checksum,
            success: success, appliedAt: "2025-01-01 00:00:\(clock < 10 ? "0" : "")\(clock)+00")
    }

    /// Non-comment statements split on ";" (enough for test SQL).
    private static func statements(_ sql: String) -> [String] {
        sql.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: " ")
            .split(separator: ";").map { String($0).trimmed() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmed() -> String {
        String(drop { $0 == " " || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}
