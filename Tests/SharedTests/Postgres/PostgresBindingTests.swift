import Shared
import Testing

extension PostgresTests {
    @Suite struct Binding {
        @Test func injectionAttemptIsStoredVerbatim() async throws {
            let pool = try PGTest.pool()
            let evil = "'; DROP TABLE x; --"
            try await PGTest.withTable(pool, "name text") { table in
                #expect(try await pool.execute("INSERT INTO \(table) (name) VALUES (\(evil))") == 1)
                let rows = try await pool.query("SELECT name FROM \(table) WHERE name = \(evil)")
                #expect(try rows.map { try $0.decode("name", as: String.self) } == [evil])
            }
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func everyTypeRoundTrips() async throws {
            let pool = try PGTest.pool()
            let date = try #require(LocalDate("2024-02-29"))
            let stamp = try #require(UTCTimestamp("2025-06-10 08:09:10.123456"))
            let rows = try await pool.query("""
                SELECT \(42)::int AS i, \(Int64.max)::bigint AS big, \("Grüße \"x\"")::text AS s,
                       \(true)::bool AS yes, \(false)::bool AS no, \(0.1)::float8 AS d,
                       '12345678901234567890.0123'::numeric AS n, \(date)::date AS day,
                       \(stamp)::timestamp AS ts, \(stamp)::timestamptz AS tstz,
                       \(PostgresJSON(#"{"a": [1, "b"]}"#))::jsonb AS j,
                       \([1, -2, 3])::int[] AS ints, \(["a", "b,c", "\"q\"", "NULL", ""])::text[] AS texts,
                       \([Int]())::int[] AS empty
                """)
            let row = try #require(rows.first)
            #expect(try row.decode("i", as: Int.self) == 42)
            #expect(try row.decode("big", as: Int64.self) == Int64.max)
            #expect(try row.decode("s", as: String.self) == "Grüße \"x\"")
            #expect(try row.decode("yes", as: Bool.self) == true)
            #expect(try row.decode("no", as: Bool.self) == false)
            #expect(try row.decode("d", as: Double.self) == 0.1)
            #expect(try row.decode("n", as: String.self) == "12345678901234567890.0123")
            #expect(try row.decode("day", as: LocalDate.self) == date)
            #expect(try row.decode("ts", as: UTCTimestamp.self) == stamp)
            #expect(try row.decode("tstz", as: UTCTimestamp.self) == stamp)
            #expect(try row.decode("j", as: PostgresJSON.self).text == #"{"a": [1, "b"]}"#)
            #expect(try row.decode("ints", as: [Int].self) == [1, -2, 3])
            #expect(try row.decode("texts", as: [String].self) == ["a", "b,c", "\"q\"", "NULL", ""])
            #expect(try row.decode(at: 13, as: [Int].self) == [])
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func nullHandling() async throws {
            let pool = try PGTest.pool()
            let missing: Int? = nil
            let seven: Int? = 7
            let sql: SQL = "SELECT \(missing)::int AS a, \(seven)::int AS b"
            let row = try #require(try await pool.query(sql).first)
            #expect(try row.decode("a", as: Int?.self) == nil)
            #expect(try row.decode("b", as: Int?.self) == 7)
            #expect(try row.isNull("a"))
            #expect(throws: PostgresDecodingError.self) { try row.decode("a", as: Int.self) }
            #expect(throws: PostgresDecodingError.self) { try row.decode("nope", as: Int.self) }
            let error = #expect(throws: PostgresDecodingError.self) { try row.decode("b", as: LocalDate.self) }
            #expect(error?.kind == .typeMismatch)
            #expect(error.map { !$0.description.contains("7") } == true)   // never the value
            await pool.shutdown(until: .now + .seconds(5))
        }
    }
}
