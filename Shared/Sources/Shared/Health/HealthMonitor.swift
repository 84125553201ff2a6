import Synchronization

/// Runs the registered health checks at start and then every `interval` in a tracked task,
/// each bounded by `timeout`, and stores the results in `Health`.
public final class HealthMonitor: Service {
    /// `health-monitor`.
    public let name = "health-monitor"
    private let health: Health
    private let interval: Duration
    private let timeout: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Creates a monitor.
    public init(health: Health, interval: Duration = .seconds(5), timeout: Duration = .seconds(1)) {
        self.health = health
        self.interval = interval
        self.timeout = timeout
    }

    /// Runs the checks once, then keeps refreshing them in the background.
    public func start() async throws {
        await runChecks()
        let loop = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                await runChecks()
            }
        }
        task.withLock { $0 = loop }
    }

    /// Stops the refresh loop.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        guard let loop = task.withLock({ $0 }) else { return }
        loop.cancel()
        await loop.value
    }

    /// Runs every check once, concurrently, each bounded by the timeout.
    public func runChecks() async {
        let checks = health.checks.withLock { $0 }
        let timeout = timeout
        let results = await withTaskGroup(of: (String, HealthCheckResult).self) { group in
            for check in checks {
                group.addTask { (check.name, await Self.run(check, timeout: timeout)) }
            }
            var results: [String: HealthCheckResult] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
        health.record(results)
    }

    /// Runs `check` bounded by `timeout`. The check runs in its own task and is not awaited
    /// once the timeout wins: a check that ignores cancellation (a blocked driver call) is
    /// cancelled and abandoned instead of stalling this round and every later one.
    private static func run(_ check: Health.Check, timeout: Duration) async -> HealthCheckResult {
        await withCheckedContinuation { continuation in
            let race = FirstResult(continuation)
            race.add(Task { race.finish(await check.run()) })
            race.add(Task {
                try? await Task.sleep(for: timeout)
                race.finish(.unhealthy("timeout after \(timeout)"))
            })
        }
    }
}

/// Delivers the first result of a check race and cancels the tasks still running.
private final class FirstResult: Sendable {
    private let state: Mutex<(continuation: CheckedContinuation<HealthCheckResult, Never>?, tasks: [Task<Void, Never>])>

    init(_ continuation: CheckedContinuation<HealthCheckResult, Never>) { state = Mutex((continuation, [])) }

    /// Tracks a racing task; one added after the race was decided is cancelled at once.
    func add(_ task: Task<Void, Never>) {
        let racing = state.withLock { state in
            guard state.continuation != nil else { return false }
            state.tasks.append(task)
            return true
        }
        if !racing { task.cancel() }
    }

    /// The first call resumes the waiter with `result` and cancels the racing tasks; later calls do nothing.
    func finish(_ result: HealthCheckResult) {
        let (continuation, tasks) = state.withLock { state in
            defer { state = (nil, []) }
            return (state.continuation, state.tasks)
        }
        for task in tasks { task.cancel() }
        continuation?.resume(returning: result)
    }
}
