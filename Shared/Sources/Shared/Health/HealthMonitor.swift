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
                group.addTask {
                    let outcome = await withTaskGroup(of: HealthCheckResult?.self) { race in
                        race.addTask { await check.run() }
                        race.addTask { try? await Task.sleep(for: timeout); return nil }
                        let first = await race.next() ?? nil
                        race.cancelAll()
                        return first
                    }
                    return (check.name, outcome ?? .unhealthy("timeout after \(timeout)"))
                }
            }
            var results: [String: HealthCheckResult] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
        health.record(results)
    }
}
