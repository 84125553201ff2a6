import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.8 and §6.4, with an injected clock.
    @Suite("ImportStatistics") struct Statistics {
        static let start = instant("2025-06-07 10:00:00")

        static func make(at time: UTCTimestamp = start) -> (ImportStatistics, ManualClock) {
            let clock = ManualClock(time)
            return (ImportStatistics(clock: clock.function), clock)
        }

        @Test("fresh statistics: not running, no check, zero counters, no error, nothing recent")
        func fresh() {
            let s = Self.make().0.snapshot
            #expect(!s.running)
            #expect(s.lastCheck == nil)
            #expect(s.filesProcessedToday == 0 && s.filesFailedToday == 0 && s.totalProcessed == 0 && s.totalFailed == 0)
            #expect(s.lastError == nil && s.lastErrorTime == nil)
            #expect(s.recent.isEmpty)
            #expect(!s.storageUnreachable)
        }

        @Test("running and last_check follow the worker")
        func runningAndCheck() {
            let (statistics, clock) = Self.make()
            statistics.setRunning(true)
            statistics.recordCheck()
            clock.advance(seconds: 60)
            #expect(statistics.snapshot.running)
            #expect(statistics.snapshot.lastCheck == Self.start)
            statistics.recordCheck()
            #expect(statistics.snapshot.lastCheck == Self.start.adding(seconds: 60))
            statistics.setRunning(false)
            #expect(!statistics.snapshot.running)
        }

        @Test("a success counts today and in total and is remembered with its time")
        func success() {
            let (statistics, _) = Self.make()
            statistics.recordSuccess(file: "a.json")
            let s = statistics.snapshot
            #expect(s.filesProcessedToday == 1 && s.totalProcessed == 1)
            #expect(s.filesFailedToday == 0 && s.totalFailed == 0)
            #expect(s.lastError == nil)
            #expect(s.recent == [ImportStatistics.Entry(file: "a.json", succeeded: true, error: nil, time: Self.start)])
        }

        @Test("a failure counts, sets last_error to '<file>: <error>' with its time, and is remembered")
        func failure() {
            let (statistics, clock) = Self.make()
            clock.advance(seconds: 5)
            statistics.recordFailure(file: "b.json", error: "Missing patient_data section in JSON")
            let s = statistics.snapshot
            #expect(s.filesFailedToday == 1 && s.totalFailed == 1)
            #expect(s.filesProcessedToday == 0 && s.totalProcessed == 0)
            #expect(s.lastError == "b.json: Missing patient_data section in JSON")
            #expect(s.lastErrorTime == Self.start.adding(seconds: 5))
            #expect(s.recent == [ImportStatistics.Entry(file: "b.json", succeeded: false, error: "Missing patient_data section in JSON",
                                                        time: Self.start.adding(seconds: 5))])
        }

        @Test("record_error sets last_error verbatim and its time, without counting or remembering")
        func recordError() {
            let (statistics, clock) = Self.make()
            statistics.recordSuccess(file: "a.json")
            clock.advance(seconds: 30)
            statistics.recordError("Monitor startup failed: connection refused")
            let s = statistics.snapshot
            #expect(s.lastError == "Monitor startup failed: connection refused")
            #expect(s.lastErrorTime == Self.start.adding(seconds: 30))
            #expect(s.filesProcessedToday == 1 && s.filesFailedToday == 0 && s.totalFailed == 0)
            #expect(s.recent.count == 1)
        }

        @Test("the latest error wins")
        func latestError() {
            let (statistics, clock) = Self.make()
            statistics.recordFailure(file: "a.json", error: "one")
            clock.advance(seconds: 1)
            statistics.recordError("two")
            clock.advance(seconds: 1)
            statistics.recordFailure(file: "c.json", error: "three")
            #expect(statistics.snapshot.lastError == "c.json: three")
            #expect(statistics.snapshot.lastErrorTime == Self.start.adding(seconds: 2))
            // A later success does not clear it.
            statistics.recordSuccess(file: "d.json")
            #expect(statistics.snapshot.lastError == "c.json: three")
        }

        @Test("at most the last 50 outcomes are remembered, oldest first; counters keep counting")
        func capAt50() {
            let (statistics, clock) = Self.make()
            for index in 1...55 {
                clock.advance(seconds: 1)
                if index % 5 == 0 { statistics.recordFailure(file: "\(index).json", error: "bad") } else { statistics.recordSuccess(file: "\(index).json") }
            }
            let s = statistics.snapshot
            #expect(s.recent.count == 50)
            #expect(s.recent.first?.file == "6.json")
            #expect(s.recent.last?.file == "55.json")
            #expect(s.recent.map(\.file) == (6...55).map { "\($0).json" })
            #expect(s.filesProcessedToday == 44 && s.filesFailedToday == 11)
            #expect(s.totalProcessed == 44 && s.totalFailed == 11)
        }

        @Test("daily counters and the recent list reset when the UTC date changes; totals and last error stay")
        func dailyReset() {
            let (statistics, clock) = Self.make(at: instant("2025-06-07 23:59:58"))
            statistics.recordSuccess(file: "a.json")
            statistics.recordFailure(file: "b.json", error: "bad")
            statistics.recordCheck()
            clock.set(instant("2025-06-07 23:59:59"))
            #expect(statistics.snapshot.filesProcessedToday == 1)
            clock.set(instant("2025-06-08 00:00:00"))
            let s = statistics.snapshot
            #expect(s.filesProcessedToday == 0 && s.filesFailedToday == 0)
            #expect(s.recent.isEmpty)
            #expect(s.totalProcessed == 1 && s.totalFailed == 1)
            #expect(s.lastError == "b.json: bad")
            #expect(s.lastErrorTime == instant("2025-06-07 23:59:58"))
            #expect(s.lastCheck == instant("2025-06-07 23:59:58"))
        }

        @Test("the reset happens on a write too: the first outcome of a new day starts the counters at 1")
        func resetOnWrite() {
            let (statistics, clock) = Self.make(at: instant("2025-06-07 12:00:00"))
            statistics.recordSuccess(file: "a.json")
            statistics.recordSuccess(file: "b.json")
            clock.set(instant("2025-06-09 00:00:01"))
            statistics.recordFailure(file: "c.json", error: "bad")
            let s = statistics.snapshot
            #expect(s.filesProcessedToday == 0 && s.filesFailedToday == 1)
            #expect(s.recent.map(\.file) == ["c.json"])
            #expect(s.totalProcessed == 2 && s.totalFailed == 1)
        }

        @Test("no reset within the same UTC day, from 00:00:00 to 23:59:59")
        func noResetSameDay() {
            let (statistics, clock) = Self.make(at: instant("2025-06-07 00:00:00"))
            statistics.recordSuccess(file: "a.json")
            clock.set(instant("2025-06-07 23:59:59"))
            statistics.recordSuccess(file: "b.json")
            #expect(statistics.snapshot.filesProcessedToday == 2)
            #expect(statistics.snapshot.recent.count == 2)
        }

        @Test("a listing failure marks the storage unreachable until a listing succeeds")
        func listing() {
            let (statistics, _) = Self.make()
            statistics.recordListing(succeeded: false)
            #expect(statistics.snapshot.storageUnreachable)
            statistics.recordListing(succeeded: true)
            #expect(!statistics.snapshot.storageUnreachable)
        }
    }
}
