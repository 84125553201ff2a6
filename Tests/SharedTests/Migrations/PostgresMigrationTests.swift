import Shared
import Testing

extension PostgresTests {
    /// `PostgresMigrationDatabase` + `MigrationCLI` against the throwaway PostgreSQL 15.
    @Suite struct Migrations {
        @Test func freshApplyCreatesTablesAndHistoryThenRerunAppliesNothing() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int PRIMARY KEY);\n")
                try db.write("V0002__create_b.sql", """
                    -- several statements in one file
                    CREATE TABLE {s}.b (id int, note text);
                    INSERT INTO {s}.b VALUES (1, 'semi;colon'), (2, $$dollar;quoted$$);
                    CREATE INDEX b_id ON {s}.b (id);
                    """)
                let first = await db.cli("up")
                #expect(first.code == 0, "\(first.lines)")
                #expect(first.lines.last == "\(db.schema): 2 migration(s) applied, up to date")
                #expect(try await db.tableExists("a"))
                #expect(try await db.pool.query("SELECT count(*) AS n FROM \(SQL(unsafe: db.schema)).b")[0]
                    .decode("n", as: Int.self) == 2)
                let files = try MigrationDirectory.load(path: db.directory)
                let history = try await db.history()
                #expect(history.map(\.version) == [1, 2])
                #expect(history.allSatisfy { $0.success })
                let checksums = files.map { Int64($0.checksum) }
                #expect(history.map(\.checksum) == checksums)

                let again = await db.cli("up")
                #expect(again.code == 0)
                #expect(again.lines == ["\(db.schema): 0 migration(s) applied, up to date"])
                #expect(try await db.history().count == 2)
                let status = await db.cli("status")
                #expect(status.code == 0)
                #expect(status.lines.count == 2 && status.lines.allSatisfy { $0.contains("  applied  ") })
                #expect(await db.cli("validate").code == 0)
            }
        }

        @Test func checksumDriftIsReportedByValidateWithExit1() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                #expect(await db.cli("up").code == 0)
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id bigint);\n")
                let validate = await db.cli("validate")
                #expect(validate.code == 1)
                #expect(validate.lines.contains { $0.contains("V0001") && $0.contains("changed after it was applied") })
                let up = await db.cli("up")
                #expect(up.code == 1)
                #expect(try await db.pending() == 1)
            }
        }

        @Test func concurrentUpRunsApplyEachFileExactlyOnce() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_once.sql", "CREATE TABLE {s}.once (id int);\n")
                try db.write("V0002__fill_once.sql", "INSERT INTO {s}.once VALUES (1);\nCREATE TABLE {s}.twice (id int);\n")
                let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<2 {
                        group.addTask { try await db.withMigrator { try await $0.up().count } }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(counts.sorted() == [0, 2])
                #expect(try await db.history().map(\.version) == [1, 2])
                let tables = try await db.pool.query("""
                    SELECT count(*) AS n FROM pg_tables WHERE schemaname = \(db.schema) AND tablename = 'once'
                    """)[0].decode("n", as: Int.self)
                #expect(tables == 1)
                #expect(try await db.pool.query("SELECT count(*) AS n FROM \(SQL(unsafe: db.schema)).once")[0]
                    .decode("n", as: Int.self) == 1)
            }
        }

        @Test func failingTransactionalFileLeavesNoPartialSchemaAndNoRow() async throws {
            try await MigPG.with { db in
                try db.write("V0001__create_a.sql", "CREATE TABLE {s}.a (id int);\n")
                try db.write("V0002__half.sql", "CREATE TABLE {s}.partial (id int);\nCREATE TABLE {s}.broken (id no_such_type);\n")
                let up = await db.cli("up")
                #expect(up.code == 1)
                #expect(up.lines.contains { $0.contains("V0002") && $0.contains("no_such_type") }, "\(up.lines)")
                #expect(try await db.tableExists("a"))
                #expect(try await !db.tableExists("partial"))
                #expect(try await db.history().map(\.version) == [1])
                // Nothing was recorded, so fixing the file and rerunning just works.
                try db.write("V0002__half.sql", "CREATE TABLE {s}.partial (id int);\n")
                #expect(await db.cli("up").code == 0)
                #expect(try await db.tableExists("partial"))
            }
        }
    }
}
