import Shared
import Testing

extension PostgresTests {
    /// Failed non-transactional files, `repair`, `baseline`, `pending` and the bounded lock wait.
    @Suite struct MigrationRepair {
        @Test func failingNoTransactionFileRecordsFailureBlocksUpAndRepairClearsIt() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                try db.write("V0002__index_a.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY a_id ON {s}.missing (id);\n")
                let failed = await db.cli("up")
                #expect(failed.code == 1)
                #expect(try await db.history().map { [$0.version: $0.success] } == [[1: true], [2: false]])
                let blocked = await db.cli("up")
                #expect(blocked.code == 1)
                #expect(blocked.lines.contains { $0.contains("V0002") && $0.contains("`patient migrate repair`") })
                #expect(try await db.pending() == 1)
                #expect(await db.cli("status").lines.contains { $0.hasPrefix("V0002  index_a  failed") })

                try db.write("V0002__index_a.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY a_id ON {s}.a (id);\n")
                let repair = await db.cli("repair")
                #expect(repair.code == 0)
                #expect(repair.lines.first?.hasPrefix("removed failed V0002 index_a (failed on ") == true, "\(repair.lines)")
                #expect(try await db.history().map(\.version) == [1])
                #expect(await db.cli("up").code == 0)
                #expect(try await db.history().map { [$0.version: $0.success] } == [[1: true], [2: true]])
                #expect(try await db.tableExists("a_id"))
            }
        }

        @Test func baselineMarksVersionsAppliedWithoutRunningThem() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                try db.write("V0002__create_b.sql", "CREATE TABLE {s}.b (id int);\n")
                try db.write("V0003__create_c.sql", "CREATE TABLE {s}.c (id int);\n")
                let baseline = await db.cli("baseline", "V0002")
                #expect(baseline.code == 0, "\(baseline.lines)")
                #expect(try await db.history().map(\.version) == [1, 2])
                #expect(try await !db.tableExists("a"))
                #expect(try await !db.tableExists("b"))
                #expect(try await db.pending() == 1)
                let up = await db.cli("up")
                #expect(up.lines.first == "applied V0003 create_c")
                #expect(try await db.tableExists("c"))
                #expect(await db.cli("baseline", "3").code == 1)   // history not empty any more
            }
        }

        @Test func pendingCountsPendingAndProblematicVersions() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                try db.write("V0002__create_b.sql", "CREATE TABLE {s}.b (id int);\n")
                #expect(try await db.pending() == 2)
                #expect(await db.cli("up").code == 0)
                #expect(try await db.pending() == 0)
                try db.write("V0003__create_c.sql", "CREATE TABLE {s}.c (id int);\n")
                #expect(try await db.pending() == 1)
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id bigint);\n")
                #expect(try await db.pending() == 2)
            }
        }

        @Test func lockWaitIsBoundedAndPgBouncerIsRefused() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                let holding = AsyncSignal(), release = AsyncSignal()
                let key = MigrationLockKey.forSchema(db.schema)
                let holder = Task {
                    let database = try await PostgresMigrationDatabase.connect(db.config)
                    defer { database.close() }
                    try await database.withAdvisoryLock(key: key) {
                        holding.fire()
                        await release.wait()
                    }
                }
                await holding.wait()
                let error = await #expect(throws: MigrationError.self) {
                    try await db.withMigrator(lockTimeout: .milliseconds(200)) { try await $0.up() }
                }
                #expect(error == .lockTimeout(schemaKey: key, waited: .milliseconds(200)))
                release.fire()
                try await holder.value
                #expect(try await db.withMigrator { try await $0.up().count } == 1)

                var bouncer = db.config
                bouncer.direct = bouncer.pooled
                await #expect(throws: MigrationError.notDirect(host: bouncer.pooled.host, port: bouncer.pooled.port)) {
                    _ = try await PostgresMigrationDatabase.connect(bouncer)
                }
            }
        }
    }
}
