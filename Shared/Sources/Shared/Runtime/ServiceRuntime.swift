#if canImport(Glibc)
import Glibc
#endif

/// Assembles one service process: configuration (all problems at once), logger, metrics,
/// health, router, HTTP server and the component group. `ServiceMain` runs it as a process;
/// tests run it in-process on port 0.
public final class ServiceRuntime<App: ServiceApplication>: Sendable {
    /// The application.
    public let app: App
    /// Shared settings.
    public let config: RuntimeConfig
    /// The service logger.
    public let logger: Logger
    /// Readiness state.
    public let health: Health
    /// The HTTP server (its `port` is known after start).
    public let server: HTTPServer
    /// Every route the service serves, platform endpoints included (contract tests).
    public let routes: [Router.Route]
    /// Fires once every component and the server have started.
    public let started = AsyncSignal()
    private let group: ServiceGroup
    /// The pool (nil without a schema) and the app's components, in start order (for commands).
    let components: [any Service]
    let database: PostgresPool?

    /// Builds the service from `environment`; throws every configuration problem at once.
    public init(environment: Environment, logSink: LogSink = .stdout) throws(ConfigError) {
        let descriptor = App.descriptor
        var reader = ConfigReader(environment)
        let config = RuntimeConfig(&reader, descriptor: descriptor)
        let logger = Logger(service: descriptor.name, level: config.logLevel, sink: logSink)
        let metrics = MetricsRegistry()
        let health = Health(serviceName: descriptor.healthName, version: BuildInfo.version)
        var database: PostgresPool?
        if let schema = App.schema {
            let settings = DatabaseConfig(reading: &reader, applicationName: descriptor.healthName)
            let pool = PostgresPool(config: settings, endpoint: settings.pooled, metrics: metrics, logger: logger)
            health.addCheck("database", pool.healthCheck())
            let migrations = MigrationReadiness(schema: schema, binary: descriptor.name,
                                                directory: ServiceMain.migrationsDirectory(&reader, descriptor),
                                                database: settings)
            health.addCheck("migrations") { await migrations.check() }
            database = pool
        }
        let app = App(config: &reader, context: AppContext(logger: logger, metrics: metrics, health: health,
                                                           runtime: config, database: database))
        try reader.finish()
        logger.info("configuration", ["settings": reader.summary.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                                      "libpq": NativeLibraries.libpqVersion, "librdkafka": NativeLibraries.rdkafkaVersion])
        ProcessMetrics.register(on: metrics, service: descriptor.name, version: BuildInfo.version, commit: config.commit)
        var router = Router()
        health.register(on: &router)
        router.get("/metrics") { _, _ in
            Response(headers: ["Content-Type": MetricsRegistry.contentType], body: Array(metrics.render().utf8))
        }
        app.register(on: &router)
        let responder = Responder(router: router, logger: logger, metrics: HTTPMetrics(registry: metrics),
                                  defaultMaxBodyBytes: config.limits.maxBodyBytes)
        let server = HTTPServer(configuration: .init(host: config.host, port: config.port, limits: config.limits),
                                responder: responder, logger: logger)
        let monitor = HealthMonitor(health: health, interval: config.healthInterval, timeout: config.healthTimeout)
        self.app = app
        self.routes = router.routes
        self.config = config
        self.logger = logger
        self.health = health
        self.server = server
        // Start order: pool (lazy), health monitor, the app's components, the server; stop reverses it.
        let pool: [any Service] = database.map { [$0] } ?? []
        self.database = database
        components = pool + app.components
        group = ServiceGroup(services: pool + [monitor] + app.components + [server], health: health, logger: logger,
                             shutdownTimeout: config.shutdownTimeout, drainDelay: config.drainDelay)
    }

    /// Starts everything, waits for `stop`, shuts down; returns the exit code.
    public func run(until stop: AsyncSignal) async -> Int32 {
        await group.run(until: stop, started: started)
    }
}

/// The process entry point shared by all six executables.
public enum ServiceMain {
    /// Installs signal handling first, builds the runtime from the process environment, runs it
    /// and exits: 0 after a clean shutdown, 1 when start-up fails, 2 for invalid configuration.
    /// `<binary> healthcheck` asks the running instance's `/health/ready` on loopback and exits
    /// 0 when ready, 1 otherwise (the container HEALTHCHECK; images carry no curl).
    /// `<binary> <command> …` runs one of `App.commands` (exit 2 for invalid configuration).
    public static func run<App: ServiceApplication>(_ type: App.Type) async -> Never {
        switch CommandLine.arguments.dropFirst().first {
        case nil: break
        case "healthcheck": exit(await healthcheck(App.descriptor))
        case "migrate": exit(await migrate(App.self, arguments: Array(CommandLine.arguments.dropFirst(2))))
        case let other? where App.commands.contains { $0.name == other }:
            exit(await command(other, App.self, arguments: Array(CommandLine.arguments.dropFirst(2)), environment: .snapshot()))
        case let other?:
            FileDescriptorOutput.standardError.write("unknown command '\(other)'; usage: \(usage(App.self))\n")
            exit(64)
        }
        let bootLogger = Logger(service: App.descriptor.name, level: .info)
        let signals = SignalWatcher(logger: bootLogger)
        let runtime: ServiceRuntime<App>
        do {
            runtime = try ServiceRuntime<App>(environment: .snapshot())
        } catch {
            bootLogger.critical("invalid configuration", ["problems": error.problems.joined(separator: "; ")])
            exit(2)
        }
        let config = runtime.config
        let watchdog = Task {
            await signals.shutdownRequested.wait()
            signals.escalate(at: .now.advanced(by: config.shutdownTimeout + config.drainDelay + .seconds(2)),
                             logger: runtime.logger)
        }
        let code = await runtime.run(until: signals.shutdownRequested)
        watchdog.cancel()
        exit(code)
    }
}

extension ServiceMain {
    static func healthcheck(_ descriptor: ServiceDescriptor) async -> Int32 {
        var reader = ConfigReader(.snapshot())
        let config = RuntimeConfig(&reader, descriptor: descriptor)
        let client = HTTPClient(configuration: .init(connectTimeout: .seconds(1), requestTimeout: .seconds(2), threadCount: 1))
        defer { client.shutdown() }
        let response = try? await client.execute(.get("http://127.0.0.1:\(config.port)/health/ready"))
        return response?.status == .ok ? 0 : 1
    }
}

extension ServiceMain {
    /// `<binary> migrate up|status|validate|baseline V|repair`: runs the migration runner for the
    /// service's schema on a direct connection; exit 0 ok, 1 problems, 2 usage or configuration.
    static func migrate<App: ServiceApplication>(_ type: App.Type, arguments: [String]) async -> Int32 {
        let descriptor = App.descriptor
        guard let schema = App.schema else {
            FileDescriptorOutput.standardError.write("\(descriptor.name) owns no schema: nothing to migrate\n")
            return 2
        }
        var reader = ConfigReader(.snapshot())
        let database = DatabaseConfig(reading: &reader, applicationName: "\(descriptor.name)-migrate")
        let directory = migrationsDirectory(&reader, descriptor)
        do { try reader.finish() } catch {
            FileDescriptorOutput.standardError.write("invalid configuration: \(error.problems.joined(separator: "; "))\n")
            return 2
        }
        return await MigrationCLI.run(arguments: arguments, schema: schema, binary: descriptor.name,
                                      directory: directory, database: database) {
            FileDescriptorOutput.standardOutput.write($0 + "\n")
        }
    }

    /// The service's migration folder: `MIGRATIONS_DIR`, default `migrations/<name>` (relative to
    /// the working directory; the images set an absolute path).
    static func migrationsDirectory(_ reader: inout ConfigReader, _ descriptor: ServiceDescriptor) -> String {
        reader.string("MIGRATIONS_DIR", default: "migrations/\(descriptor.name)")
    }
}

/// Writes text to a file descriptor with write(2).
enum FileDescriptorOutput {
    case standardOutput, standardError

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        let fd: Int32 = self == .standardOutput ? 1 : 2
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
