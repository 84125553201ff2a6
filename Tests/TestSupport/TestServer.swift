public import Shared

/// An `HTTPServer` on 127.0.0.1 with an ephemeral port, for live tests.
public final class TestServer: Sendable {
    public let server: HTTPServer
    public let logSink: LogSink

    /// Starts a server for `router` with `limits`.
    public init(router: Router, limits: HTTPLimits = HTTPLimits(), logLevel: LogLevel = .warning) async throws {
        logSink = LogSink.memory()
        let logger = Logger(service: "test", level: logLevel, sink: logSink)
        let responder = Responder(router: router, logger: logger, metrics: HTTPMetrics(registry: MetricsRegistry()),
                                  defaultMaxBodyBytes: limits.maxBodyBytes)
        server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, limits: limits), responder: responder, logger: logger)
        try await server.start()
    }

    /// The bound port.
    public var port: Int { server.port }

    /// Shuts down with a generous deadline.
    public func stop() async { await server.shutdown(until: .now.advanced(by: .seconds(5))) }
}
