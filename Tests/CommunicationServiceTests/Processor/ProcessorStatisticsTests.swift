import Testing
import Shared
@testable import CommunicationService

@Suite("Storage processor statistics and health (communication.md §7.4)")
struct ProcessorStatisticsTests {
    @Test("counters per kind, totals and last_error as '<Kind> <file>: <error>'")
    func counting() {
        let clock = TestClock()
        let statistics = ProcessorStatistics(clock: clock.function)
        statistics.recordSuccess(file: "a.json", kind: .verification)
        statistics.recordSuccess(file: "b.json", kind: .contact)
        statistics.recordFailure(file: "c.json", kind: .contact, error: "Invalid signature")
        statistics.recordFailure(file: "d.json", kind: .waitlist, error: "Download failed: x")
        let s = statistics.snapshot
        #expect(s.processedToday == [.verification: 1, .contact: 1])
        #expect(s.failedToday == [.contact: 1, .waitlist: 1])
        #expect(s.totalProcessed == 2 && s.totalFailed == 2)
        #expect(s.lastError == "Waitlist d.json: Download failed: x")
        #expect(s.lastErrorTime == clock.now)
        statistics.recordError("Verification check failed: boom")
        #expect(statistics.snapshot.lastError == "Verification check failed: boom")
        #expect(statistics.snapshot.totalFailed == 2)
    }

    @Test("the daily counters reset when the UTC date changes; totals and recent files stay")
    func dailyReset() {
        let clock = TestClock("2025-09-03T23:59:50")
        let statistics = ProcessorStatistics(clock: clock.function)
        statistics.recordSuccess(file: "a.json", kind: .verification)
        statistics.recordFailure(file: "b.json", kind: .waitlist, error: "x")
        #expect(statistics.snapshot.processedToday[.verification] == 1)
        clock.advance(seconds: 20)
        let s = statistics.snapshot
        #expect(s.processedToday.isEmpty && s.failedToday.isEmpty)
        #expect(s.totalProcessed == 1 && s.totalFailed == 1 && s.recent.count == 2 && s.lastError == "Waitlist b.json: x")
        statistics.recordSuccess(file: "c.json", kind: .contact)
        #expect(statistics.snapshot.processedToday == [.contact: 1])
    }

    @Test("50 outcomes are kept, oldest dropped first")
    func recentLimit() {
        let statistics = ProcessorStatistics(clock: TestClock().function)
        for index in 1...60 { statistics.recordSuccess(file: "\(index).json", kind: .contact) }
        let recent = statistics.snapshot.recent
        #expect(recent.count == 50 && recent.first?.file == "11.json" && recent.last?.file == "60.json")
    }

    @Test("healthy when running, checked recently and without errors")
    func healthy() {
        let clock = TestClock()
        let statistics = ProcessorStatistics(clock: clock.function)
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).issues == ["Processor not running"])
        statistics.setRunning(true)
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).healthy)
        statistics.recordCheck()
        clock.advance(seconds: 300)
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).healthy)
        clock.advance(seconds: 1)
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).issues == ["Processor inactive for too long"])
    }

    @Test("any error younger than an hour makes it unhealthy")
    func recentError() {
        let clock = TestClock()
        let statistics = ProcessorStatistics(clock: clock.function)
        statistics.setRunning(true)
        statistics.recordError("Contact check failed: x")
        statistics.recordCheck()
        clock.advance(seconds: 3599)
        statistics.recordCheck()
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).issues == ["Recent processor error"])
        clock.advance(seconds: 1)
        statistics.recordCheck()
        #expect(ProcessorHealth(statistics.snapshot, now: clock.now).healthy)
    }

    @Test("high failure rate: at least 5 of the last 20 files, more than half failed")
    func failureRate() {
        func issues(failed: Int, succeeded: Int, thenSucceeded: Int = 0) -> [String] {
            let clock = TestClock()
            let statistics = ProcessorStatistics(clock: clock.function)
            statistics.setRunning(true)
            for index in 0..<failed { statistics.recordFailure(file: "f\(index).json", kind: .verification, error: "x") }
            for index in 0..<(succeeded + thenSucceeded) { statistics.recordSuccess(file: "s\(index).json", kind: .contact) }
            clock.advance(seconds: 3600)   // the failures' errors are no longer recent
            return ProcessorHealth(statistics.snapshot, now: clock.now).issues
        }
        #expect(issues(failed: 4, succeeded: 0) == [])
        #expect(issues(failed: 3, succeeded: 2) == ["High failure rate: 60.0%"])
        #expect(issues(failed: 3, succeeded: 3) == [])
        #expect(issues(failed: 2, succeeded: 1) == [])
        #expect(issues(failed: 14, succeeded: 7) == ["High failure rate: 65.0%"])   // last 20: 13 failed
        #expect(issues(failed: 12, succeeded: 0, thenSucceeded: 20) == [])
        #expect(issues(failed: 2, succeeded: 1).isEmpty)
        #expect(issues(failed: 5, succeeded: 1) == ["High failure rate: 83.3%"])
    }
}
