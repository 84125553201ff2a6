import Testing
import Shared
@testable import TherapistService

/// therapist.md §2.7 statistics, §2.12 health and §6.4 summary, with a simulated clock.
@Suite("Import statistics, health and summary")
struct ImportReportingTests {
    static let start = UTCTimestamp("2026-11-23 08:00:00")!

    @Test("statistics: counters, totals, next run = last run + 24 h, recent files capped at 50, daily reset on date change")
    func statistics() {
        let clock = ManualClock(Self.start)
        let statistics = ImportStatistics(clock: clock.function)
        statistics.recordCheck()
        for index in 0..<55 { statistics.recordFile("20261123/\(index).json", therapists: 3, success: 2, failed: 1) }
        var s = statistics.snapshot
        #expect(s.lastCheck == Self.start && s.nextImportRun == Self.start.adding(seconds: 86_400))
        #expect(s.filesProcessedToday == 55 && s.therapistsProcessedToday == 110 && s.therapistsFailedToday == 55)
        #expect(s.recent.count == 50 && s.recent.first?.file == "20261123/5.json")
        clock.advance(seconds: 16 * 3600 + 1)  // 2026-11-24 00:00:01
        s = statistics.snapshot
        #expect(s.filesProcessedToday == 0 && s.therapistsProcessedToday == 0 && s.therapistsFailedToday == 0)
        #expect(s.totalFilesProcessed == 55 && s.totalTherapistsProcessed == 110 && s.totalTherapistsFailed == 55)
        #expect(s.recent.count == 50)
    }

    static func snapshot(_ files: [(count: Int, failed: Int)] = [], _ configure: (inout ImportStatistics.Snapshot) -> Void = { _ in })
        -> ImportStatistics.Snapshot {
        var s = ImportStatistics.Snapshot()
        s.running = true
        s.lastCheck = start.adding(seconds: -10)
        s.recent = files.enumerated().map {
            .init(file: "\($0.offset).json", therapistCount: $0.element.count, successCount: $0.element.count - $0.element.failed,
                  failedCount: $0.element.failed, time: start)
        }
        configure(&s)
        return s
    }

    static func issues(_ s: ImportStatistics.Snapshot) -> [String] { ImportHealth(s, now: start).issues }

    @Test("healthy when running with a recent check")
    func healthy() { #expect(ImportHealth(Self.snapshot(), now: Self.start).healthy) }

    @Test("not running → 'Import monitor not running'")
    func notRunning() { #expect(Self.issues(Self.snapshot { $0.running = false }) == ["Import monitor not running"]) }

    @Test("'Recent startup error' when the last error is under an hour old and there was no check",
          arguments: [(-3599, true), (-3600, false), (0, true)] as [(Int64, Bool)])
    func startupError(age: Int64, expected: Bool) {
        let s = Self.snapshot { $0.lastCheck = nil; $0.lastError = "x"; $0.lastErrorTime = Self.start.adding(seconds: age) }
        #expect(Self.issues(s).contains("Recent startup error") == expected)
        let checked = Self.snapshot { $0.lastError = "x"; $0.lastErrorTime = Self.start }
        #expect(Self.issues(checked).isEmpty)
    }

    @Test("'High failure rate: X.X%' needs 5 recent files and more than half of their therapists failed")
    func failureRate() {
        #expect(Self.issues(Self.snapshot(Array(repeating: (2, 2), count: 4))).isEmpty)
        #expect(Self.issues(Self.snapshot(Array(repeating: (2, 2), count: 5))) == ["High failure rate: 100.0%"])
        #expect(Self.issues(Self.snapshot([(3, 2), (3, 2), (3, 2), (3, 1), (3, 1)])) == ["High failure rate: 53.3%"])
        #expect(Self.issues(Self.snapshot([(2, 1), (2, 1), (2, 1), (2, 1), (2, 1)])).isEmpty)  // exactly 50 %
        #expect(Self.issues(Self.snapshot(Array(repeating: (0, 0), count: 6))).isEmpty)
        // Only the last 10 files count.
        #expect(Self.issues(Self.snapshot(Array(repeating: (1, 1), count: 10) + Array(repeating: (1, 0), count: 10))).isEmpty)
    }

    @Test("'Monitor inactive for too long' after 25 hours without a check", arguments: [(-90_001, true), (-90_000, false), (-86_401, false)] as [(Int64, Bool)])
    func inactive(age: Int64, expected: Bool) {
        #expect(Self.issues(Self.snapshot { $0.lastCheck = Self.start.adding(seconds: age) }) == (expected ? ["Monitor inactive for too long"] : []))
    }

    @Test("the worker: disabled → not running; enabled → running after start, not after shutdown")
    func running() async throws {
        let s = ImportScenario(name: "does-not-exist")
        let logger = Logger(service: "t", level: .debug, sink: s.logSink)
        let disabled = TherapistImporter.make(ImportConfig(folderPath: "/nowhere", interval: .seconds(3600), enabled: false),
                                              store: s.store, communication: s.communication, logger: logger)
        try await disabled.start()
        #expect(!disabled.statistics.snapshot.running && disabled.statistics.snapshot.lastCheck == nil)
        await disabled.shutdown(until: .now)
        let enabled = TherapistImporter.make(ImportConfig(folderPath: "/nowhere", interval: .seconds(3600)),
                                             store: s.store, communication: s.communication, logger: logger)
        try await enabled.start()
        #expect(enabled.statistics.snapshot.running)
        await enabled.runCycle()  // waits for the start cycle when it is still running: cycles never overlap
        #expect(enabled.statistics.snapshot.lastCheck != nil)
        await enabled.shutdown(until: .now.advanced(by: .seconds(5)))
        #expect(!enabled.statistics.snapshot.running)
    }

    @Test("the error summary: subject, totals, rate, groups with up to 3 examples, detailed list of the first 20")
    func summaryText() {
        var failures: [ImportFailure] = []
        for index in 0..<5 { failures.append(ImportFailure(file: "20250101/52062.json", therapist: "A\(index) B", error: "Failed to map therapist data")) }
        failures.append(ImportFailure(file: "URGENT/x.json", therapist: "C D", error: "Creation failed: Invalid anrede 'Dr.'. Valid values: Herr, Frau"))
        failures.append(ImportFailure(file: "20250101/52064.json", therapist: "", error: "Invalid JSON: malformed JSON at byte 3: invalid number"))
        failures.append(ImportFailure(file: "20250101/52066.json", therapist: "E F", error: "Creation failed: Therapist already exists"))
        for index in 0..<14 { failures.append(ImportFailure(file: "20250102/1.json", therapist: "Index \(index)", error: "Update failed: boom")) }
        let summary = ImportErrorSummary(failures: failures, succeeded: 78)
        #expect(summary.subject == "Therapist Import - 22 Failures")
        var expected = """
            Therapist Import Summary
            ==================================================
            Total therapists processed: 100
            Failed imports: 22
            Success rate: 78.0%

            Errors by Type:
            ------------------------------

            Failed to map therapist data: 5 occurrences
              - A0 B (52062.json)
              - A1 B (52062.json)
              - A2 B (52062.json)
              ... and 2 more

            Creation failed: 1 occurrences
              - C D (x.json)

            Invalid JSON: 1 occurrences
              -  (52064.json)

            Duplicate therapist: 1 occurrences
              - E F (52066.json)

            Update failed: boom: 14 occurrences
              - Index 0 (1.json)
              - Index 1 (1.json)
              - Index 2 (1.json)
              ... and 11 more

            Detailed Error List:
            ------------------------------

            """
        var details: [String] = []
        for (index, failure) in failures.prefix(20).enumerated() {
            details += ["\(index + 1). File: \(failure.file)", "   Therapist: \(failure.therapist)", "   Error: \(failure.error)"]
        }
        expected += details.joined(separator: "\n") + "\n\n... and 2 more errors"
        #expect(summary.message == expected)
    }
}
