import Testing
import Shared

private typealias F = MigrationFixtures

@Test("up on a fresh schema applies every file once, in order, and records history")
func upFresh() async throws {
    let database = FakeMigrationDatabase()
    let applied = try await F.migrator(try F.three(), database).up()
    #expect(applied.map(\.version) == [1, 2, 3])
    #expect(try await database.history(schema: F.schema).map(\.version) == [1, 2, 3])
    #expect(await database.committed.first == "CREATE SCHEMA IF NOT EXISTS patient_service")
    #expect(await database.committed.count == 4)
}

@Test("running up again applies nothing")
func upIdempotent() async throws {
    let database = FakeMigrationDatabase()
    let migrator = try F.migrator(try F.three(), database)
    try await migrator.up()
    #expect(try await migrator.up().isEmpty)
    #expect(await database.applyCounts == [1: 1, 2: 1, 3: 1])
}

@Test("an applied file edited afterwards is drift: up refuses and applies nothing else")
func upDetectsDrift() async throws {
    let database = FakeMigrationDatabase()
    let files = try F.three()
    try await F.migrator(Array(files.prefix(2)), database).up()
    let edited = try F.file("V0002__create_outbox.sql", "CREATE TABLE patient_service.outbox (id int);\n")
    let migrator = try F.migrator([files[0], edited, files[2]], database)
    await #expect(throws: MigrationError.self) { try await migrator.up() }
    #expect(await database.applyCounts[3] == nil)
    #expect(try await migrator.validate().problems.map(\.version) == [2])
}

@Test("a CRLF checkout of applied files is not drift")
func crlfIsNotDrift() async throws {
    let database = FakeMigrationDatabase()
    let files = try F.three()
    try await F.migrator(files, database).up()
    let crlf = try files.map { try F.file($0.fileName, $0.sql.replacingOccurrences("\n", "\r\n")) }
    #expect(crlf[2].sql.contains("\r\n"))
    let plan = try await F.migrator(crlf, database).validate()
    #expect(plan.isRunnable && plan.pending.isEmpty)
}

@Test("a failing transactional file leaves no history row and nothing of its SQL; fixed, it runs")
func transactionalFailure() async throws {
    let database = FakeMigrationDatabase()
    let migrator = try F.migrator(try F.three(), database)
    await database.failStatements(containing: "ANALYZE")
    await #expect(throws: MigrationError.self) { try await migrator.up() }
    #expect(try await database.history(schema: F.schema).map(\.version) == [1, 2])
    #expect(await !database.committed.contains { $0.hasPrefix("CREATE INDEX") })
    await database.clearFailures()
    #expect(try await migrator.up().map(\.version) == [3])
}

@Test("a failing non-transactional file is recorded as failed and blocks the next run with the message")
func nonTransactionalFailureBlocks() async throws {
    let database = FakeMigrationDatabase()
    let index = try F.file("V0002__index_concurrently.sql",
                           "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\nANALYZE t;\n")
    let migrator = try F.migrator([try F.three()[0], index], database)
    await database.failStatements(containing: "ANALYZE")
    await #expect(throws: MigrationError.self) { try await migrator.up() }
    #expect(try await database.history(schema: F.schema).map(\.success) == [true, false])
    #expect(await database.committed.contains("CREATE INDEX CONCURRENTLY i ON t (c)"))
    await database.clearFailures()
    var lines: [String] = []
    let code = await MigrationCommand.run(["migrate", "up"], migrator: migrator) { lines.append($0) }
    #expect(code == 1)
    #expect(lines.count == 1)
    #expect(lines[0].hasPrefix("migration V0002 (index_concurrently) failed on 2025-01-01"))
    #expect(lines[0].hasSuffix("fix it and run `patient migrate repair`"))
    #expect(await database.applyCounts[2] == 1)
}

@Test("baseline marks files up to the version as applied without running them")
func baselineAdopts() async throws {
    let database = FakeMigrationDatabase()
    let migrator = try F.migrator(try F.three(), database)
    #expect(try await migrator.baseline(version: 2).map(\.version) == [1, 2])
    #expect(await database.committed.isEmpty)
    #expect(try await migrator.up().map(\.version) == [3])
    await #expect(throws: MigrationError.baselineOnNonEmptyHistory(schema: F.schema)) {
        try await migrator.baseline(version: 2)
    }
    await #expect(throws: MigrationError.unknownBaselineVersion(9)) { try await migrator.baseline(version: 9) }
}

@Test("concurrent up runs through the lock apply each migration exactly once")
func concurrentUp() async throws {
    let database = FakeMigrationDatabase()
    let migrator = try F.migrator(try F.three(), database)
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<8 { group.addTask { try await migrator.up().count } }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(counts.sorted() == [0, 0, 0, 0, 0, 0, 0, 3])
    #expect(await database.applyCounts == [1: 1, 2: 1, 3: 1])
    #expect(await database.maxConcurrentHolders == 1)
}

@Test("a schema name that is not a plain identifier is refused")
func invalidSchema() {
    #expect(throws: MigrationError.invalidSchemaName("patient; DROP")) {
        try Migrator(schema: "patient; DROP", binary: "patient", files: [], database: FakeMigrationDatabase())
    }
}
