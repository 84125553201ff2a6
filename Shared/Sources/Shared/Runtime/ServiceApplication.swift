/// What the runtime hands an application while it is composed.
public struct AppContext: Sendable {
    /// The service logger (level from `LOG_LEVEL`).
    public let logger: Logger
    /// The metrics registry served at `/metrics`.
    public let metrics: MetricsRegistry
    /// Readiness; register checks for the service's dependencies here.
    public let health: Health
    /// The shared settings.
    public let runtime: RuntimeConfig
    /// The service's pool through PgBouncer; nil for services without a schema (the gateway).
    public let database: PostgresPool?
}

/// A service's composition root. The runtime reads the shared settings, builds the application
/// (which reads its own settings from the same reader, so every problem is reported at once),
/// registers its routes next to `/health*` and `/metrics`, and runs its components in order
/// before the HTTP server starts; shutdown goes in reverse.
public protocol ServiceApplication: Sendable {
    /// Name and port of the service.
    static var descriptor: ServiceDescriptor { get }
    /// The schema the service owns (e.g. `patient_service`), or nil when it has no database.
    /// With a schema, the runtime reads `DB_*`/`PGBOUNCER_*`, creates the pool and adds the
    /// `database` readiness check.
    static var schema: String? { get }
    /// Reads the application's own settings from `config` and wires its parts.
    init(config: inout ConfigReader, context: AppContext)
    /// Registers the business routes.
    func register(on router: inout Router)
    /// Long-lived components (pools, producers, workers) in start order; the server comes after them.
    var components: [any Service] { get }
    /// Extra subcommands of the binary besides `healthcheck` and `migrate` (see `ServiceCommand`).
    static var commands: [ServiceCommand<Self>] { get }
}

extension ServiceApplication {
    /// No components by default.
    public var components: [any Service] { [] }

    /// No database by default.
    public static var schema: String? { nil }

    /// No extra subcommands by default.
    public static var commands: [ServiceCommand<Self>] { [] }
}
