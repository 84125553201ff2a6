import Shared
import Testing

extension PostgresTests {
    @Suite struct Pool {
        /// Server connections of this pool, counted by its unique application_name.
        static func serverConnections(of pool: PostgresPool, observer: PostgresPool) async throws -> Int {
            let name = pool.applicationName
            let row = try await observer.query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = \(name)")
            return try row[0].decode("n", as: Int.self)
        }

        @Test func boundedUnderConcurrency() async throws {
            let max = 3
            let pool = try PGTest.pool(maxConnections: max), observer = try PGTest.pool(maxConnections: 1)
            let peak = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<(max + 5) {
                    group.addTask {
                        let rows = try await pool.query("SELECT \(index)::int AS v, pg_sleep(0.2)")
                        #expect(try rows[0].decode("v", as: Int.self) == index)
                        return 0
                    }
                }
                group.addTask { // samples the server side while the queries run
                    var peak = 0
                    for _ in 0..<10 { peak = Swift.max(peak, try await Self.serverConnections(of: pool, observer: observer)) }
                    return peak
                }
                return try await group.reduce(0, Swift.max)
            }
            #expect(peak <= max)
            #expect(try await Self.serverConnections(of: pool, observer: observer) <= max)
            let counts = pool.connectionCounts
            #expect(counts.idle + counts.busy <= max)
            await pool.shutdown(until: .now + .seconds(5)); await observer.shutdown(until: .now + .seconds(5))
        }

        @Test func worksThroughPgBouncerTransactionMode() async throws {
            let metrics = MetricsRegistry()
            let pool = try PGTest.pool(pooled: true, maxConnections: 5, metrics: metrics)
            try await PGTest.withTable(pool, "id int, name text") { table in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<10 {
                        group.addTask {
                            for step in 0..<30 {
                                let id = worker * 100 + step
                                try await pool.execute("INSERT INTO \(table) VALUES (\(id), \("n\(id)"))")
                                let rows = try await pool.query("SELECT name FROM \(table) WHERE id = \(id)")
                                #expect(try rows.first?.decode("name", as: String.self) == "n\(id)")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let sum = try await pool.transaction { tx in
                    try await tx.query("SELECT count(*)::int AS n FROM \(table)")[0].decode("n", as: Int.self)
                }
                #expect(sum == 300)
            }
            let text = metrics.render()
            #expect(text.contains("db_pool_connections{state=\"idle\"}"))
            #expect(text.contains("db_query_duration_seconds_count"))
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func waitersTimeOutWhileTheOnlyConnectionIsHeldThenTheNextOneIsServed() async throws {
            var tuning = PostgresPool.Tuning()
            tuning.checkoutTimeout = .milliseconds(300)
            let pool = try PGTest.pool(maxConnections: 1, tuning: tuning)
            let holding = AsyncSignal(), release = AsyncSignal()
            let holder = Task {
                try await pool.transaction { _ in
                    holding.fire()
                    await release.wait()
                }
            }
            await holding.wait()
            for _ in 0..<3 {
                let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
                #expect(error?.code == .unavailable)
            }
            release.fire()
            try await holder.value
            #expect(try await pool.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
            await pool.shutdown(until: .now + .seconds(5))
        }

        @Test func healthCheck() async throws {
            let pool = try PGTest.pool(pooled: true)
            #expect(await pool.healthCheck()() == .healthy)
            await pool.shutdown(until: .now + .seconds(5))
        }

        // Stops the shared test server: `make test` runs it in a `swift test` invocation of its own
        // (RESTART_TEST in the Makefile) so no other suite sees the outage.
        @Test func failsFastWhileServerIsDownAndRecovers() async throws {
            var tuning = PostgresPool.Tuning()
            tuning.validateAfterIdle = .zero          // every checkout pings: a dead idle connection is noticed
            tuning.maxBackoff = .milliseconds(500)
            let max = 3
            let pool = try PGTest.pool(maxConnections: max, tuning: tuning)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<max { group.addTask { _ = try await pool.query("SELECT pg_sleep(0.05)") } }
                try await group.waitForAll()
            }
            try await PGTest.control("pg-stop")
            do {
                for _ in 0..<5 {
                    let started = ContinuousClock.now
                    let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
                    #expect(error?.code == .unavailable)
                    #expect(ContinuousClock.now - started < .seconds(5))
                }
                #expect(await pool.healthCheck()() != .healthy)
            }
            try await PGTest.control("pg-start")
            let deadline = ContinuousClock.now + .seconds(15)
            var recovered = false
            while !recovered, ContinuousClock.now < deadline {
                recovered = (try? await pool.query("SELECT 1 AS one")) != nil
                if !recovered { try await Task.sleep(for: .milliseconds(100)) }   // polling the backoff window
            }
            #expect(recovered)
            let counts = pool.connectionCounts
            #expect(counts.idle + counts.busy <= max)
            await pool.shutdown(until: .now + .seconds(5))
            #expect(pool.connectionCounts.idle + pool.connectionCounts.busy == 0)
        }
    }
}
