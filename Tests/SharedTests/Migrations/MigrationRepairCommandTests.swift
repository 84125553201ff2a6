import Testing
import Shared

private typealias F = MigrationFixtures

@Test("repair parses, removes only failed rows, prints them and lets up retry")
func repairCommand() async throws {
    #expect(try MigrationCommand.parse(["migrate", "repair"]) == .repair)
    #expect(throws: MigrationCommand.UsageError.self) { try MigrationCommand.parse(["migrate", "repair", "3"]) }
    let files = try F.three()
    let database = FakeMigrationDatabase()
    await database.seed(F.row(files[0]), schema: F.schema)
    await database.seed(F.row(files[1], success: false), schema: F.schema)
    let migrator = try F.migrator(files, database)
    var lines: [String] = []
    #expect(await MigrationCommand.run(["migrate", "up"], migrator: migrator) { lines.append($0) } == 1)
    #expect(lines.last?.contains("`patient migrate repair`") == true)
    lines = []
    #expect(await MigrationCommand.run(["migrate", "repair"], migrator: migrator) { lines.append($0) } == 0)
    #expect(lines == [
        "removed failed V0002 create_outbox (failed on 2025-02-03 04:05:06+00)",
        "patient_service: 1 failed migration(s) removed; run `patient migrate up` to retry",
    ])
    #expect(try await database.history(schema: F.schema).map(\.version) == [1])
    #expect(try await migrator.up().map(\.version) == [2, 3])
}
