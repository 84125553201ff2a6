import Shared
import Testing

extension PostgresTests {
    @Suite struct Transactions {
        struct Abort: Error {}

        @Test func rollbackOnThrownErrorAndCommitOtherwise() async throws {
            let pool = try PGTest.pool()
            try await PGTest.withTable(pool, "id int PRIMARY KEY") { table in
                await #expect(throws: Abort.self) {
                    try await pool.transaction { tx in
                        try await tx.execute("INSERT INTO \(table) VALUES (\(1))")
                        throw Abort()
                    }
                }
                let committed = try await pool.transaction { tx in try await tx.execute("INSERT INTO \(table) VALUES (\(2))") }
                #expect(committed == 1)
                let ids = try await pool.query("SELECT id FROM \(table) ORDER BY id").map { try $0.decode("id", as: Int.self) }
                #expect(ids == [2])
            }
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func sqlStateMappingWithGenericDescription() async throws {
            let pool = try PGTest.pool()
            try await PGTest.withTable(pool, "id int PRIMARY KEY, n int CHECK (n > 0)") { parent in
                try await PGTest.withTable(pool, "p int REFERENCES \(parent)(id)") { child in
                    try await pool.execute("INSERT INTO \(parent) VALUES (1, 1)")
                    let secret = "patient-diagnosis-42"
                    let noValue: Int? = nil
                    let cases: [(SQL, PostgresError.Code, String)] = [
                        ("INSERT INTO \(parent) VALUES (1, \(secret.count))", .uniqueViolation, "23505"),
                        ("INSERT INTO \(child) VALUES (\(999))", .foreignKeyViolation, "23503"),
                        ("INSERT INTO \(parent) VALUES (\(2), \(-1))", .checkViolation, "23514"),
                        ("INSERT INTO \(parent) VALUES (\(noValue), 1)", .notNullViolation, "23502"),
                        ("SELEC \(secret)", .syntax, "42601"),
                    ]
                    for (sql, code, state) in cases {
                        let error = await #expect(throws: PostgresError.self) { try await pool.execute(sql) }
                        #expect(error?.code == code)
                        #expect(error?.sqlState == state)
                        #expect(error.map { !$0.description.contains(secret) && !$0.description.contains("INSERT") && !$0.description.contains("Key (") } == true)
                    }
                }
            }
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func statementTimeoutCancels() async throws {
            var tuning = PostgresPool.Tuning()
            tuning.checkoutTimeout = .seconds(3)
            let pool = try PGTest.pool(pooled: true, tuning: tuning)
            let error = await #expect(throws: PostgresError.self) {
                try await pool.transaction { tx in
                    try await tx.execute("SET LOCAL statement_timeout = 100")
                    _ = try await tx.query("SELECT pg_sleep(10)")
                }
            }
            #expect(error?.code == .queryCanceled)
            #expect(try await pool.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
            await pool.shutdown(until: .now + .seconds(5))
        }
    }
}
