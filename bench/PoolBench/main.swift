// PoolBench: throughput and latency of `PostgresPool.query` through PgBouncer, to be set next
// to `pgbench -S` (../shared/bench/pgbench.sh) measured in the same run. Not a test.
//
// usage: PoolBench [select1|pk] [seconds=10] [clients=8]
//   Connection settings from the services' keys: DB_HOST, DB_PORT, DB_NAME, DB_USER,
//   DB_PASSWORD, PGBOUNCER_HOST, PGBOUNCER_PORT. The pool uses the pooled endpoint, max 8.
//   `pk` reads `SELECT abalance FROM pgbench_accounts WHERE aid = $1` (random aid in
//   1...100000*scale, scale from pgbench_branches), the statement of pgbench -S.
// prints one line: "pool <mode> -c <clients>: TPS <n>, p50 <ms>, p99 <ms>"
#if canImport(Glibc)
import Glibc
#endif
import Shared

let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "select1"
let seconds = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10
let clients = arguments.count > 3 ? Int(arguments[3]) ?? 8 : 8
guard mode == "select1" || mode == "pk" else {
    fail("usage: PoolBench [select1|pk] [seconds] [clients]\n")
    exit(2)
}

func benchmark(mode: String, seconds: Int, clients: Int) async {
    var reader = ConfigReader(Environment.snapshot())
    var config = DatabaseConfig(reading: &reader, applicationName: "poolbench")
    do { try reader.finish() } catch {
        fail("\(error)\n")
        exit(2)
    }
    config.maxConnections = 8
    let pool = PostgresPool(config: config, endpoint: config.pooled, metrics: MetricsRegistry(),
                            logger: Logger(service: "poolbench", level: .warning))

    do {
        let maxAid = mode == "pk"
            ? 100_000 * (try await pool.query("SELECT count(*) AS n FROM pgbench_branches")[0].decode("n", as: Int.self))
            : 1
        // Warm-up: open the connections before the clock starts, as pgbench does (it connects first).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients { group.addTask { for _ in 0..<50 { _ = try await pool.query("SELECT 1") } } }
            try await group.waitForAll()
        }

        let limit = UInt64(seconds) * 1_000_000_000
        let started = MonotonicClock.nanoseconds()
        let perClient = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var latencies: [UInt64] = []
                    latencies.reserveCapacity(200_000)
                    while true {
                        let begin = MonotonicClock.nanoseconds()
                        if begin - started >= limit { break }
                        if mode == "pk" {
                            let aid = Int.random(in: 1...maxAid)
                            let rows = try await pool.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")
                            precondition(rows.count == 1)
                        } else {
                            _ = try await pool.query("SELECT 1")
                        }
                        latencies.append(MonotonicClock.nanoseconds() - begin)
                    }
                    return latencies
                }
            }
            var all: [[UInt64]] = []
            for try await latencies in group { all.append(latencies) }
            return all
        }
        let elapsed = Double(MonotonicClock.nanoseconds() - started) / 1e9
        let merged = perClient.flatMap { $0 }.sorted()
        guard !merged.isEmpty else { fail("no transactions\n"); exit(1) }
        func percentile(_ p: Double) -> Double { Double(merged[min(merged.count - 1, Int(Double(merged.count) * p))]) / 1e6 }
        let tps = Double(merged.count) / elapsed
        let name = mode == "pk" ? "pk read" : "SELECT 1"
        print("pool \(name) -c \(clients): TPS \(Int(tps)), p50 \(String(format2: percentile(0.5))) ms, p99 \(String(format2: percentile(0.99))) ms")
    } catch {
        fail("PoolBench: \(error)\n")
        await pool.shutdown(until: .now + .seconds(1))
        exit(1)
    }
    await pool.shutdown(until: .now + .seconds(2))
}

await benchmark(mode: mode, seconds: seconds, clients: clients)

/// A message on standard error (one write).
func fail(_ message: String) {
    var text = message
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

extension String {
    /// Two decimals without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
