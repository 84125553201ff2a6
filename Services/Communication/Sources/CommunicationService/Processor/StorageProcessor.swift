public import Shared

/// The background worker that handles the website's files in Object Storage every interval
/// (communication.md §7). It runs on a thread of its own and never gives up on a failing
/// cycle; only a configuration it cannot work with stops it for good (`Monitor startup failed`),
/// which `/health/processor` reports instead of failing the whole service.
public final class StorageProcessor: Service {
    public let name = "storage-processor"
    let statistics: ProcessorStatistics
    let mode: Mode
    let job: PeriodicJob<Void>?
    private let delayedStart = DelayedStart()

    /// How the processor was set up.
    enum Mode: Sendable {
        /// Runs cycles; `prepare` creates local folders before the first one; the first cycle
        /// waits `firstDelay` (the service's own HTTP server must be listening by then).
        case active(cycle: StorageCycle, prepare: @Sendable () throws -> Void, firstDelay: Duration)
        /// `STORAGE_PROCESSOR_ENABLED=false`: never runs, reports not running.
        case disabled
        /// The settings were unusable: never runs, `last_error` is `Monitor startup failed: …`.
        case unusable(String)
    }

    init(mode: Mode, statistics: ProcessorStatistics, interval: Duration) {
        self.mode = mode
        self.statistics = statistics
        if case .active(let cycle, _, _) = mode {
            job = PeriodicJob(name: "storage-proc", interval: interval) { await cycle.run() }
        } else {
            job = nil
        }
    }

    /// Starts the loop when active; records a start-up failure otherwise. Never throws: the
    /// service keeps serving its API without the processor.
    public func start() async throws {
        switch mode {
        case .disabled:
            statistics.setRunning(false)
        case .unusable(let reason):
            statistics.recordError("Monitor startup failed: \(reason)")
        case .active(_, let prepare, let firstDelay):
            do { try prepare() } catch {
                statistics.recordError("Monitor startup failed: \(error)")
                return
            }
            statistics.setRunning(true)
            if let job { delayedStart.start(after: firstDelay) { job.start() } }
        }
    }

    /// Runs one cycle now (cycles never overlap); used by tests.
    public func runCycle() async { await job?.runNow() }

    /// Cancels the loop, waits for the current file to finish (until `deadline`), stops the thread.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        await delayedStart.cancel()
        await job?.stop(until: deadline)
        statistics.setRunning(false)
    }
}
