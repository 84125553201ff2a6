import Synchronization

/// The result of one readiness check.
public struct HealthCheckResult: Sendable, Equatable {
    /// Whether the dependency is usable.
    public var healthy: Bool
    /// A short, data-free detail (e.g. `timeout after 1s`, `SQLSTATE 57P01`).
    public var detail: String?

    /// A passing check.
    public static let healthy = HealthCheckResult(healthy: true, detail: nil)
    /// A failing check with a reason.
    public static func unhealthy(_ detail: String) -> HealthCheckResult { HealthCheckResult(healthy: false, detail: detail) }
}

/// Liveness and readiness of one service. Readiness is true once start-up finished, while every
/// critical check passes and before shutdown begins. Checks run in the background
/// (`HealthMonitor`), so probes read a cached answer: a probe storm never reaches the database.
public final class Health: Sendable {
    /// A registered check.
    public struct Check: Sendable {
        let name: String
        let critical: Bool
        let run: @Sendable () async -> HealthCheckResult
    }

    struct Snapshot {
        var started = false
        var draining = false
        var results: [String: HealthCheckResult] = [:]
        var readyBody: [UInt8] = []
        var liveBody: [UInt8] = []
        var ready = false
    }

    /// The name used in bodies, e.g. `patient-service`.
    public let serviceName: String
    /// The version reported in bodies.
    public let version: String
    let checks = Mutex<[Check]>([])
    let snapshot = Mutex(Snapshot())

    /// Creates the registry for `serviceName` (e.g. `patient-service`).
    public init(serviceName: String, version: String) {
        self.serviceName = serviceName
        self.version = version
        update { _ in }
    }

    /// Registers a check; critical ones decide readiness, others are only reported.
    public func addCheck(_ name: String, critical: Bool = true, _ run: @escaping @Sendable () async -> HealthCheckResult) {
        checks.withLock { $0.append(Check(name: name, critical: critical, run: run)) }
    }

    /// Whether the service should receive traffic now.
    public var isReady: Bool { snapshot.withLock { $0.ready } }

    /// Marks start-up as finished.
    public func markStarted() { update { $0.started = true } }

    /// Marks the start of shutdown: readiness turns false at once.
    public func markDraining() { update { $0.draining = true } }

    /// Stores the latest check results.
    func record(_ results: [String: HealthCheckResult]) { update { $0.results = results } }

    private func update(_ change: (inout Snapshot) -> Void) {
        let critical = Set(checks.withLock { $0.filter(\.critical).map(\.name) })
        snapshot.withLock { state in
            change(&state)
            render(&state, critical: critical)
        }
    }

    private func render(_ state: inout Snapshot, critical: Set<String>) {
        let failing = state.results.contains { critical.contains($0.key) && !$0.value.healthy }
        state.ready = state.started && !state.draining && !failing
        var live = JSONBuilder()
        live.member("status", string: "healthy")
        live.member("service", string: serviceName)
        live.member("version", string: version)
        state.liveBody = live.finish()
        var body = JSONBuilder()
        body.member("status", string: state.ready ? "healthy" : "unhealthy")
        body.member("service", string: serviceName)
        body.member("version", string: version)
        if !state.started { body.member("reason", string: "starting") }
        if state.draining { body.member("reason", string: "shutting down") }
        var details = JSONBuilder()
        for name in state.results.keys.sorted() {
            let result = state.results[name]!
            var item = JSONBuilder()
            item.member("status", string: result.healthy ? "healthy" : "unhealthy")
            item.member("critical", raw: critical.contains(name) ? "true" : "false")
            if let detail = result.detail { item.member("detail", string: detail) }
            details.member(name, rawBytes: item.finish())
        }
        body.member("checks", rawBytes: details.finish())
        state.readyBody = body.finish()
    }
}
