import Foundation
import Synchronization
import Testing
@testable import Shared

/// `HealthMonitor` runs the registered checks (each bounded by its timeout) into `Health`.
@Suite("HealthMonitor")
struct HealthMonitorTests {
    private func started() -> Health {
        let health = Health(serviceName: "test-service", version: "1")
        health.markStarted()
        return health
    }

    /// The readiness body's `checks` member.
    private func checks(_ health: Health) -> [String: [String: Any]] {
        let body = health.snapshot.withLock { $0.readyBody }
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?["checks"] as? [String: [String: Any]] ?? [:]
    }

    @Test("passing checks keep the service ready")
    func passing() async {
        let health = started()
        health.addCheck("database") { .healthy }
        await HealthMonitor(health: health).runChecks()
        #expect(health.isReady)
        #expect(checks(health)["database"]?["status"] as? String == "healthy")
    }

    @Test("a failing critical check makes the service unready, and recovery makes it ready again")
    func failingCritical() async {
        let health = started()
        let recovered = AsyncSignal()
        health.addCheck("database") { recovered.isFired ? .healthy : .unhealthy("connection refused") }
        let monitor = HealthMonitor(health: health)
        await monitor.runChecks()
        #expect(!health.isReady)
        #expect(checks(health)["database"]?["detail"] as? String == "connection refused")
        recovered.fire()
        await monitor.runChecks()
        #expect(health.isReady)
    }

    @Test("a failing non-critical check is reported but the service stays ready")
    func failingNonCritical() async {
        let health = started()
        health.addCheck("geocoder", critical: false) { .unhealthy("timeout") }
        await HealthMonitor(health: health).runChecks()
        #expect(health.isReady)
        #expect(checks(health)["geocoder"]?["status"] as? String == "unhealthy")
        #expect(checks(health)["geocoder"]?["critical"] as? Bool == false)
    }

    @Test("a check that hangs (and honours cancellation) times out as unhealthy", .timeLimit(.minutes(1)))
    func hangingCooperative() async {
        let health = started(), never = AsyncSignal()
        health.addCheck("database") { await never.wait(); return .healthy }
        await HealthMonitor(health: health, timeout: .milliseconds(100)).runChecks()
        #expect(!health.isReady)
        #expect((checks(health)["database"]?["detail"] as? String)?.hasPrefix("timeout after") == true)
    }

    @Test("a check that hangs and ignores cancellation still times out", .timeLimit(.minutes(1)))
    func hangingUncooperative() async {
        let health = started(), release = AsyncSignal()
        // An unstructured task is not cancelled with its awaiting parent: this check ignores cancellation.
        health.addCheck("database") { await Task.detached { await release.wait() }.value; return .healthy }
        health.addCheck("cache", critical: false) { .healthy }
        await HealthMonitor(health: health, timeout: .milliseconds(100)).runChecks()
        release.fire()
        #expect(!health.isReady)
        #expect((checks(health)["database"]?["detail"] as? String)?.hasPrefix("timeout after") == true)
        #expect(checks(health)["cache"]?["status"] as? String == "healthy")
    }
}
