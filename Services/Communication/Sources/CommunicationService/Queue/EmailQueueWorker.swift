internal import Shared

/// The email queue worker (communication.md §6), a background `Service` on a thread of its own:
/// the first cycle at start, then one per interval (`EmailQueueCycle`). Off when
/// `EMAIL_QUEUE_ENABLED=false` (then it reports not running).
final class EmailQueueWorker: Service {
    let name = "email-queue"
    let cycle: EmailQueueCycle
    private let job: PeriodicJob<Void>

    init(cycle: EmailQueueCycle) {
        self.cycle = cycle
        job = PeriodicJob(name: "email-queue", interval: cycle.settings.interval) { [cycle] in await cycle.run() }
    }

    var statistics: QueueStatistics { cycle.statistics }

    func start() async throws {
        guard cycle.settings.enabled else { return }
        cycle.statistics.setRunning(true)
        job.start()
    }

    /// One cycle now (cycles never overlap); tests use it.
    func runCycle() async { await job.runNow() }

    func shutdown(until deadline: ContinuousClock.Instant) async {
        await job.stop(until: deadline)
        cycle.statistics.setRunning(false)
    }
}
