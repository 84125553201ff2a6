import Testing
import Synchronization
import Shared

@Suite("DailyStatistics")
struct DailyStatisticsTests {
    struct Counts: Sendable, Equatable { var today = 0; var total = 0 }

    @Test("daily counters start again when the UTC date changes; totals stay; the body sees the clock")
    func resetsOnNewDay() {
        let now = Mutex(UTCTimestamp(secondsSinceEpoch: 1_749_513_600 - 60))  // 2025-06-09 23:59 UTC
        let statistics = DailyStatistics(Counts(), clock: { now.withLock { $0 } }) { $0.today = 0 }
        var seen: UTCTimestamp?
        statistics.update { counts, time in counts.today += 2; counts.total += 2; seen = time }
        #expect(seen == UTCTimestamp(secondsSinceEpoch: 1_749_513_540))
        #expect(statistics.snapshot == Counts(today: 2, total: 2))
        now.withLock { $0 = $0.adding(seconds: 120) }  // 2025-06-10 00:01 UTC
        #expect(statistics.snapshot == Counts(today: 0, total: 2))
        let after = statistics.update { counts, _ in counts.today += 1; counts.total += 1 }
        #expect(after == Counts(today: 1, total: 3))
    }
}
