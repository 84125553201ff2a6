public import Shared

/// An `HTTPServer` on a loopback address (127.0.0.1 unless told otherwise) with an ephemeral
/// port, for live tests. Tests that check a closed port is refused use an address of their own
/// in 127/8: on 127.0.0.1 another test's server may be given the freed port in the meantime.
public final class TestServer: Sendable {
    public let server: HTTPServer
    public let logSink: LogSink
    /// The bound address.
    public let host: String

    /// Starts a server for `router` with `limits` on `host`.
    public init(router: Router, limits: HTTPLimits = HTTPLimits(), logLevel: LogLevel = .warning,
                host: String = "127.0.0.1") async throws {
        self.host = host
        logSink = LogSink.memory()
        let logger = Logger(service: "test", level: logLevel, sink: logSink)
        let responder = Responder(router: router, logger: logger, metrics: HTTPMetrics(registry: MetricsRegistry()),
                                  defaultMaxBodyBytes: limits.maxBodyBytes)
        server = HTTPServer(configuration: .init(host: host, port: 0, limits: limits), responder: responder, logger: logger)
        try await server.start()
    }

    /// The bound port.
    public var port: Int { server.port }

    /// Shuts down with a generous deadline.
    public func stop() async { await server.shutdown(until: .now.advanced(by: .seconds(5))) }
}
