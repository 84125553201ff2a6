public import Shared

/// Runs a whole service in-process on an ephemeral port, the way `ServiceMain` runs it.
public final class ServiceHarness<App: ServiceApplication>: Sendable {
    public let runtime: ServiceRuntime<App>
    public let logSink = LogSink.memory()
    private let stop = AsyncSignal()
    private let task: Task<Int32, Never>

    /// Builds and starts the service with `environment` added to a test baseline (port 0, loopback);
    /// with `migrate` the service's migrations are applied first, as `<service> migrate up` does.
    public init(environment: [String: String] = [:], migrate: Bool = true) async throws {
        var values = [App.descriptor.portKey: "0", "SERVICE_HOST": "127.0.0.1", "LOG_LEVEL": "debug",
                      // The suites run in parallel on small machines: a check must not fail for being slow.
                      "HEALTH_CHECK_TIMEOUT": "20",
                      "MIGRATIONS_DIR": TestDatabase.migrationsDirectory(App.descriptor.name)]
        values.merge(TestDatabase.serviceEnvironment) { $1 }
        values.merge(environment) { $1 }
        if App.schema != nil, migrate { try await TestDatabase.migrate(App.self, environment: values) }
        let runtime = try ServiceRuntime<App>(environment: Environment(values), logSink: logSink)
        let stop = stop
        self.runtime = runtime
        task = Task { await runtime.run(until: stop) }
        guard await runtime.started.wait(until: .now.advanced(by: .seconds(60))) else {
            stop.fire()
            throw TestSupportError("\(App.descriptor.name) did not start: \(logSink.capturedLines.suffix(3))")
        }
    }

    /// The bound port.
    public var port: Int { runtime.server.port }

    /// Requests a graceful shutdown and returns the exit code `run` produced.
    public func shutdown() async -> Int32 {
        stop.fire()
        return await task.value
    }
}

/// The checks every service passes from its first day: it starts on its port, `/health` answers
/// in the spec's shape with its health name, `/health/live` and `/health/ready` answer,
/// `/metrics` is Prometheus text with build info and request counts, unknown paths give the
/// spec's 404 message, and a shutdown request ends it cleanly with exit code 0.
public func expectServesPlatformEndpoints<App: ServiceApplication>(
    _ type: App.Type, environment: [String: String] = [:]
) async throws -> [String] {
    let harness = try await ServiceHarness<App>(environment: environment)
    let port = harness.port
    let responses = try await blocking { () -> [RawResponse] in
        let client = try RawClient(port: port)
        var responses: [RawResponse] = []
        for path in ["/health", "/health/live", "/health/ready", "/nope", "/metrics"] {
            client.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n")
            guard let response = client.readResponse() else { throw TestSupportError("no response for \(path)") }
            responses.append(response)
        }
        return responses
    }
    let code = await harness.shutdown()
    var problems: [String] = []
    let name = App.descriptor.healthName
    if responses[0].status != 200 || !responses[0].text.hasPrefix(#"{"status":"healthy","service":"\#(name)""#) {
        problems.append("/health: \(responses[0].status) \(responses[0].text)")
    }
    if responses[1].status != 200 || !responses[1].text.contains(name) { problems.append("/health/live: \(responses[1].status)") }
    if responses[2].status != 200 { problems.append("/health/ready: \(responses[2].status)") }
    if responses[3].status != 404 || !responses[3].text.contains("The requested URL was not found on the server.") {
        problems.append("/nope: \(responses[3].status)")
    }
    let metrics = responses[4].text
    if !metrics.contains(#"curavani_build_info{service="\#(App.descriptor.name)""#)
        || !metrics.contains(#"http_requests_total{method="GET",route="/health",status="200"} 1"#)
        || responses[4].header("Content-Type") != MetricsRegistry.contentType {
        problems.append("/metrics missing families")
    }
    if code != 0 { problems.append("exit code \(code)") }
    return problems
}
