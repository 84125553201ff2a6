/// Settings every service reads, with the spec's variable names (operations.md §7): bind
/// address and port, log level, environment profile, HTTP limits and shutdown timing.
public struct RuntimeConfig: Sendable {
    /// `development`, `test` or `production` (`FLASK_ENV`, kept for the existing env files).
    public var environment: String
    /// Threshold of the JSON log (`LOG_LEVEL`).
    public var logLevel: LogLevel
    /// Bind address (`SERVICE_HOST`).
    public var host: String
    /// Listening port (`<NAME>_SERVICE_INTERNAL_PORT`; 0 picks a free port).
    public var port: Int
    /// HTTP limits (`HTTP_MAX_BODY_BYTES`, `HTTP_MAX_CONNECTIONS`, `HTTP_*_TIMEOUT`).
    public var limits: HTTPLimits
    /// Total time for a graceful shutdown (`SHUTDOWN_TIMEOUT`, seconds).
    public var shutdownTimeout: Duration
    /// Pause between "not ready" and closing the listener (`SHUTDOWN_DRAIN_DELAY`, seconds).
    public var drainDelay: Duration
    /// How often readiness checks run (`HEALTH_CHECK_INTERVAL`, seconds).
    public var healthInterval: Duration
    /// The time one readiness check may take before it counts as failed.
    public var healthTimeout: Duration
    /// Commit id shown in build info (`BUILD_COMMIT`).
    public var commit: String

    /// Reads the settings; problems are collected in `reader`.
    public init(_ reader: inout ConfigReader, descriptor: ServiceDescriptor) {
        environment = reader.oneOf("FLASK_ENV", ["development", "test", "production"], default: "development")
        let level = reader.oneOf("LOG_LEVEL", LogLevel.allCases.map(\.name) + ["warn", "fatal"], default: "info")
        logLevel = LogLevel(parsing: level) ?? .info
        host = reader.string("SERVICE_HOST", default: "0.0.0.0")
        port = reader.int(descriptor.portKey, default: descriptor.defaultPort, range: 0...65_535)   // 0: any free port
        var limits = HTTPLimits()
        limits.maxBodyBytes = reader.int("HTTP_MAX_BODY_BYTES", default: limits.maxBodyBytes, range: 1024...(64 << 20))
        limits.maxConnections = reader.int("HTTP_MAX_CONNECTIONS", default: descriptor.name == "gateway" ? 1024 : 256,
                                           range: 1...100_000)
        limits.headerTimeout = reader.seconds("HTTP_HEADER_TIMEOUT", default: limits.headerTimeout)
        limits.bodyTimeout = reader.seconds("HTTP_BODY_TIMEOUT", default: limits.bodyTimeout)
        limits.idleTimeout = reader.seconds("HTTP_IDLE_TIMEOUT", default: limits.idleTimeout)
        self.limits = limits
        shutdownTimeout = reader.seconds("SHUTDOWN_TIMEOUT", default: .seconds(25))
        drainDelay = reader.seconds("SHUTDOWN_DRAIN_DELAY", default: environment == "production" ? .seconds(2) : .zero)
        healthInterval = reader.seconds("HEALTH_CHECK_INTERVAL", default: .seconds(5))
        healthTimeout = reader.seconds("HEALTH_CHECK_TIMEOUT", default: .seconds(1))
        commit = reader.string("BUILD_COMMIT", default: "unknown")
    }
}
