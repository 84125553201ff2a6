import Testing
import Shared

private typealias F = MigrationFixtures

@Test("parse accepts the four subcommands, with or without the leading 'migrate'")
func parseCommands() throws {
    #expect(try MigrationCommand.parse(["migrate", "up"]) == .up)
    #expect(try MigrationCommand.parse(["status"]) == .status)
    #expect(try MigrationCommand.parse(["migrate", "validate"]) == .validate)
    #expect(try MigrationCommand.parse(["migrate", "baseline", "3"]) == .baseline(version: 3))
    #expect(try MigrationCommand.parse(["migrate", "baseline", "V0003"]) == .baseline(version: 3))
    #expect(try MigrationCommand.parse(["baseline", "0012"]) == .baseline(version: 12))
}

@Test("parse rejects malformed arguments with a usage message", arguments: [
    ["migrate"], ["migrate", "down"], ["migrate", "up", "now"], ["migrate", "baseline"],
    ["migrate", "baseline", "x1"], ["migrate", "baseline", "0"], ["migrate", "baseline", "-1"], [],
])
func parseRejects(arguments: [String]) {
    #expect {
        try MigrationCommand.parse(arguments)
    } throws: { error in
        (error as? MigrationCommand.UsageError)?.message.contains("usage: migrate up") == true
    }
}

@Test("validate exits 0 when clean, 1 with pending files or drift")
func validateExitCodes() throws {
    let files = try F.three()
    let clean = MigrationPlan(files: files, history: files.map { F.row($0) })
    #expect(MigrationCommand.exitCode(validating: clean) == 0)
    #expect(MigrationCommand.exitCode(validating: MigrationPlan(files: files, history: [])) == 1)
    let drift = MigrationPlan(files: files, history: files.map { F.row($0, checksum: 7) })
    #expect(MigrationCommand.exitCode(validating: drift) == 1)
}

@Test("run: usage error exits 2, validate 1 while pending, up 0, then validate 0 and status lists all")
func runEndToEnd() async throws {
    let database = FakeMigrationDatabase()
    let migrator = try F.migrator(try F.three(), database)
    var lines: [String] = []
    #expect(await MigrationCommand.run(["migrate", "sideways"], migrator: migrator) { lines.append($0) } == 2)
    #expect(lines.last?.contains("unknown subcommand 'sideways'") == true)
    #expect(await MigrationCommand.run(["migrate", "validate"], migrator: migrator) { lines.append($0) } == 1)
    #expect(lines.last == "pending V0003 add_index")
    #expect(await MigrationCommand.run(["migrate", "up"], migrator: migrator) { lines.append($0) } == 0)
    #expect(lines.last == "patient_service: 3 migration(s) applied, up to date")
    #expect(await MigrationCommand.run(["migrate", "validate"], migrator: migrator) { lines.append($0) } == 0)
    lines = []
    #expect(await MigrationCommand.run(["migrate", "status"], migrator: migrator) { lines.append($0) } == 0)
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.contains("  applied  ") })
}

@Test("run baseline reports the adopted files and exits 0")
func runBaseline() async throws {
    let migrator = try F.migrator(try F.three(), FakeMigrationDatabase())
    var lines: [String] = []
    #expect(await MigrationCommand.run(["migrate", "baseline", "V0002"], migrator: migrator) { lines.append($0) } == 0)
    #expect(lines == ["patient_service: baselined at V0002 (2 file(s) marked applied)"])
}
