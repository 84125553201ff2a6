import Glibc
import Testing
@testable import MatchingService

/// §7: the next run is the next `hour`:00 in local time, across month and year ends (⚠ the
/// original's "day + 1" raised on the last day of a month). Checked in whatever zone the process
/// runs in: the wait must land on hh:00:00 local, within a day and after `now`.
@Suite("reminder schedule")
struct ReminderScheduleTests {
    static func local(_ time: time_t) -> tm {
        var copy = time, parts = tm()
        localtime_r(&copy, &parts)
        return parts
    }

    @Test("the next 09:00 after month ends, year end and a time just past 09:00", arguments: [
        1_738_317_600,  // 2025-01-31 10:00 UTC
        1_740_736_800,  // 2025-02-28 10:00 UTC
        1_767_178_800,  // 2025-12-31 11:00 UTC
        1_751_274_060,  // 2025-06-30 09:01 UTC
    ] as [Int])
    func nextRun(now: Int) {
        let seconds = ReminderJob.secondsUntilNext(hour: 9, now: time_t(now))
        #expect(seconds > 0 && seconds <= 25 * 3600)
        let next = Self.local(time_t(now + seconds))
        #expect(next.tm_hour == 9 && next.tm_min == 0 && next.tm_sec == 0)
        let today = Self.local(time_t(now))
        if today.tm_hour >= 9 {  // passed today: tomorrow (a new month or year at the ends)
            #expect(next.tm_yday != today.tm_yday)
        }
    }

    @Test("before the hour it is today's run")
    func sameDay() {
        let now = 1_738_310_400  // 2025-01-31 08:00 UTC
        let today = Self.local(time_t(now))
        guard today.tm_hour < 9 else { return }  // only meaningful where it is before 09:00 locally
        let next = Self.local(time_t(now + ReminderJob.secondsUntilNext(hour: 9, now: time_t(now))))
        #expect(next.tm_yday == today.tm_yday && next.tm_hour == 9)
    }
}
