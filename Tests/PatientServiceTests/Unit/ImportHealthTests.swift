import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.10.
    @Suite("ImportHealth") struct Health {
        static let now = instant("2025-06-07 12:00:00")

        /// A running monitor that checked 10 seconds ago, with `outcomes` (true = success) oldest first.
        static func snapshot(_ outcomes: [Bool] = [], configure: (inout ImportStatistics.Snapshot) -> Void = { _ in })
            -> ImportStatistics.Snapshot {
            var s = ImportStatistics.Snapshot()
            s.running = true
            s.lastCheck = now.adding(seconds: -10)
            s.recent = outcomes.enumerated().map { index, ok in
                ImportStatistics.Entry(file: "\(index).json", succeeded: ok, error: ok ? nil : "bad", time: now.adding(seconds: Int64(index - 100)))
            }
            configure(&s)
            return s
        }

        static func issues(_ s: ImportStatistics.Snapshot) -> [String] { ImportHealth(s, now: now).issues }

        static func outcomes(failed: Int, of total: Int) -> [Bool] {
            Array(repeating: false, count: failed) + Array(repeating: true, count: total - failed)
        }

        @Test("a running monitor with a recent check and no failures is healthy")
        func healthy() {
            let health = ImportHealth(Self.snapshot(), now: Self.now)
            #expect(health.healthy)
            #expect(health.issues.isEmpty)
        }

        @Test("a fresh worker that has not completed a cycle yet and has no error is healthy")
        func freshWorker() {
            #expect(Self.issues(Self.snapshot { $0.lastCheck = nil }).isEmpty)
        }

        @Test("not running → 'Import monitor not running'")
        func notRunning() {
            let health = ImportHealth(Self.snapshot { $0.running = false }, now: Self.now)
            #expect(!health.healthy)
            #expect(health.issues == ["Import monitor not running"])
        }

        @Test("'Recent startup error' only when last_check is null and the error is less than an hour old",
              arguments: [(0, nil, true), (-1, nil, true), (-3599, nil, true), (-3600, nil, false), (-3601, nil, false),
                          (-86_400, nil, false), (-60, -10, false), (-60, -7200, false)] as [(Int64, Int64?, Bool)])
        func startupError(errorAge: Int64, checkAge: Int64?, expected: Bool) {
            let s = Self.snapshot {
                $0.lastCheck = checkAge.map { Self.now.adding(seconds: $0) }
                $0.lastError = "Monitor startup failed: unreachable"
                $0.lastErrorTime = Self.now.adding(seconds: errorAge)
            }
            #expect(Self.issues(s).contains("Recent startup error") == expected)
        }

        @Test("'Monitor inactive for too long' when the last check is more than an hour old",
              arguments: [(-3601, true), (-7200, true), (-3600, false), (-60, false)] as [(Int64, Bool)])
        func inactive(checkAge: Int64, expected: Bool) {
            let issues = Self.issues(Self.snapshot { $0.lastCheck = Self.now.adding(seconds: checkAge) })
            #expect(issues == (expected ? ["Monitor inactive for too long"] : []))
        }

        @Test("a high failure rate needs at least 5 recent imports and more than 50 % failures",
              arguments: [
                  (4, 4, nil), (3, 4, nil),
                  (3, 5, "High failure rate: 60.0%"), (5, 5, "High failure rate: 100.0%"), (4, 6, "High failure rate: 66.7%"),
                  (5, 6, "High failure rate: 83.3%"), (3, 6, nil), (2, 5, nil), (4, 7, "High failure rate: 57.1%"),
                  (5, 9, "High failure rate: 55.6%"), (6, 11, "High failure rate: 54.5%"), (7, 13, "High failure rate: 53.8%"),
                  (10, 19, "High failure rate: 52.6%"), (11, 20, "High failure rate: 55.0%"), (10, 20, nil),
              ] as [(Int, Int, String?)])
        func failureRate(failed: Int, total: Int, expected: String?) {
            #expect(Self.issues(Self.snapshot(Self.outcomes(failed: failed, of: total))) == (expected.map { [$0] } ?? []))
        }

        @Test("the rate is formatted like Python's '{:.1f}' (round half to even on exact ties)",
              arguments: [(9, 16, "56.2"), (11, 16, "68.8"), (13, 16, "81.2"), (15, 16, "93.8"), (16, 16, "100.0")] as [(Int, Int, String)])
        func rateFormatting(failed: Int, total: Int, text: String) {
            #expect(Self.issues(Self.snapshot(Self.outcomes(failed: failed, of: total))) == ["High failure rate: \(text)%"])
        }

        @Test("only the last 20 remembered imports count towards the rate")
        func lastTwentyWindow() {
            // 15 old failures then 10 successes: 60 % overall, but 10 of the last 20 failed (50 %).
            #expect(Self.issues(Self.snapshot(Self.outcomes(failed: 15, of: 25))).isEmpty)
            // 5 old successes then 11 failures and 9 successes: the last 20 hold 11 failures.
            let outcomes = Array(repeating: true, count: 5) + Array(repeating: false, count: 11) + Array(repeating: true, count: 9)
            #expect(Self.issues(Self.snapshot(outcomes)) == ["High failure rate: 55.0%"])
            // 30 successes then 20 failures: 100 % of the window.
            let recentFailures = Array(repeating: true, count: 30) + Array(repeating: false, count: 20)
            #expect(Self.issues(Self.snapshot(recentFailures)) == ["High failure rate: 100.0%"])
        }

        @Test("object storage unreachable is reported (an addition beyond patient.md §2.10)")
        func storageUnreachable() {
            #expect(Self.issues(Self.snapshot { $0.storageUnreachable = true }) == ["Object storage unreachable"])
        }

        @Test("several issues are listed together in rule order")
        func severalIssues() {
            let s = Self.snapshot(Self.outcomes(failed: 5, of: 5)) {
                $0.running = false
                $0.lastCheck = Self.now.adding(seconds: -7200)
                $0.storageUnreachable = true
            }
            #expect(Self.issues(s) == ["Import monitor not running", "High failure rate: 100.0%",
                                       "Monitor inactive for too long", "Object storage unreachable"])
            let startup = Self.snapshot { $0.running = false; $0.lastCheck = nil; $0.lastErrorTime = Self.now; $0.lastError = "x" }
            #expect(Self.issues(startup) == ["Import monitor not running", "Recent startup error"])
        }

        @Test("statistics and health together: failures recorded through the clock make the monitor unhealthy")
        func withStatistics() {
            let clock = ManualClock(Self.now)
            let statistics = ImportStatistics(clock: clock.function)
            statistics.setRunning(true)
            statistics.recordCheck()
            for index in 0..<6 {
                if index < 4 { statistics.recordFailure(file: "\(index).json", error: "bad") } else { statistics.recordSuccess(file: "\(index).json") }
            }
            #expect(ImportHealth(statistics.snapshot, now: clock.now).issues == ["High failure rate: 66.7%"])
            // The next UTC day forgets today's imports; an hour without a check is reported.
            clock.set(instant("2025-06-08 13:00:01"))
            #expect(ImportHealth(statistics.snapshot, now: clock.now).issues == ["Monitor inactive for too long"])
        }
    }
}
