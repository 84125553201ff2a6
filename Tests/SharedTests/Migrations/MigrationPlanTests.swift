import Testing
import Shared

private typealias F = MigrationFixtures

@Test("with no history every file is pending, in version order")
func planFresh() throws {
    let files = try F.three()
    let plan = MigrationPlan(files: files.reversed(), history: [])
    #expect(plan.isRunnable)
    #expect(plan.pending.map(\.version) == [1, 2, 3])
}

@Test("with every file applied nothing is pending")
func planUpToDate() throws {
    let files = try F.three()
    let plan = MigrationPlan(files: files, history: files.map { F.row($0) })
    #expect(plan.isRunnable)
    #expect(plan.pending.isEmpty)
}

@Test("a changed checksum is drift naming the version; nothing runs")
func planDrift() throws {
    let files = try F.three()
    let history = [F.row(files[0]), F.row(files[1], checksum: 42)]
    let plan = MigrationPlan(files: files, history: history)
    #expect(plan.problems == [.checksumChanged(version: 2, fileName: "V0002__create_outbox.sql",
                                               recorded: 42, actual: files[1].checksum)])
    #expect(plan.problems[0].description.contains("V0002"))
    #expect(throws: MigrationError.planProblems(plan.problems)) { try plan.runnable() }
}

@Test("an applied version whose file is gone is reported as missing")
func planMissing() throws {
    let files = try F.three()
    let plan = MigrationPlan(files: Array(files.dropFirst()), history: [F.row(files[0])])
    #expect(plan.problems == [.missingOnDisk(version: 1, description: "create_schema")])
}

@Test("a failed record blocks the run and tells the operator to repair")
func planFailed() throws {
    let files = try F.three()
    let plan = MigrationPlan(files: files, history: [F.row(files[0]), F.row(files[1]), F.row(files[2], success: false)])
    #expect(!plan.isRunnable)
    #expect(plan.problems[0].message(binary: "patient")
        == "migration V0003 (add_index) failed on 2025-02-03 04:05:06+00; fix it and run `patient migrate repair`")
}

@Test("a pending file older than the newest applied one is refused unless allowed")
func planOutOfOrder() throws {
    let files = try F.three()
    let history = [F.row(files[0]), F.row(files[2])]
    let refused = MigrationPlan(files: files, history: history)
    #expect(refused.problems == [.outOfOrder(version: 2, fileName: "V0002__create_outbox.sql", newestApplied: 3)])
    let allowed = MigrationPlan(files: files, history: history, allowOutOfOrder: true)
    #expect(allowed.isRunnable)
    #expect(allowed.pending.map(\.version) == [2])
}

@Test("status lists every version with its state")
func statusLines() throws {
    let files = try F.three()
    let gone = AppliedMigration(version: 7, description: "old", checksum: 1, success: true, appliedAt: "t7")
    let history = [F.row(files[0]), F.row(files[1], checksum: 9), gone]
    let plan = MigrationPlan(files: files, history: history)
    let status = MigrationStatus(files: files, history: history, plan: plan)
    #expect(status.entries.map(\.state) == [.applied, .changed, .outOfOrder, .missing])
    #expect(status.lines[0] == "V0001  create_schema  applied  2025-02-03 04:05:06+00")
    #expect(status.lines[2] == "V0003  add_index  out-of-order")
    #expect(MigrationStatus(files: files, history: [], plan: MigrationPlan(files: files, history: []))
        .entries.allSatisfy { $0.state == .pending })
}
