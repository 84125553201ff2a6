#if canImport(Glibc)
internal import Glibc
#endif
internal import Shared

/// Runs `ReminderRun` every day at `hour`:00 server local time (§7), computed with the C
/// library's calendar (⚠ fix: the original's "day + 1" raised on the last day of a month and
/// skipped that run). Each run waits for its hour first, so the loop needs no interval of its own.
final class ReminderJob: Service {
    let name = "follow-up-reminders"
    let run: ReminderRun
    let hour: Int
    let enabled: Bool
    private let job: PeriodicJob<ReminderRun.Outcome>

    init(run: ReminderRun, hour: Int, enabled: Bool) {
        (self.run, self.hour, self.enabled) = (run, hour, enabled)
        job = PeriodicJob(name: "reminders", interval: .zero) { [run, hour] in
            try? await Task.sleep(for: .seconds(ReminderJob.secondsUntilNext(hour: hour)))
            guard !Task.isCancelled else { return ReminderRun.Outcome() }
            return await run.run()
        }
    }

    func start() async throws { if enabled { job.start() } }

    func shutdown(until deadline: ContinuousClock.Instant) async { await job.stop(until: deadline) }

    /// Runs the reminders now (tests, `matching remind-now`).
    func runNow() async -> ReminderRun.Outcome { await run.run() }

    /// Seconds from now until the next `hour`:00 local time (tomorrow's when it has passed today).
    static func secondsUntilNext(hour: Int, now: time_t = time(nil)) -> Int {
        var current = now, parts = tm()
        localtime_r(&current, &parts)
        var target = parts
        (target.tm_hour, target.tm_min, target.tm_sec, target.tm_isdst) = (Int32(hour), 0, 0, -1)
        var next = mktime(&target)
        if next <= now {
            target = parts
            (target.tm_mday, target.tm_hour, target.tm_min, target.tm_sec, target.tm_isdst) = (parts.tm_mday + 1, Int32(hour), 0, 0, -1)
            next = mktime(&target)  // mktime normalises day 32 into the next month
        }
        return Int(next - now)
    }
}
