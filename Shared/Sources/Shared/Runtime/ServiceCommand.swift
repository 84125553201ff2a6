/// An extra subcommand of a service binary, e.g. `therapist import-now` or
/// `geocoding import-plz FILE`. It runs with the application fully composed (all configuration
/// read and checked, the database pool available) but without the HTTP server, and none of the
/// application's components is started: the command calls what it needs directly. Afterwards
/// the runtime shuts the components and the pool down in reverse order, so a component's
/// `shutdown` must be harmless when it never started. Logs go to standard error; standard
/// output belongs to the command (`CommandContext.print`).
public struct ServiceCommand<App: ServiceApplication>: Sendable {
    /// The subcommand word (`import-now`).
    public let name: String
    /// The arguments for the usage line (`FILE`; empty when it takes none).
    public let arguments: String
    /// Runs the command and returns the process exit code.
    public let run: @Sendable (App, CommandContext) async -> Int32

    /// A command `name` taking `arguments` (shown in the usage line) that runs `run`.
    public init(_ name: String, arguments: String = "", run: @escaping @Sendable (App, CommandContext) async -> Int32) {
        self.name = name
        self.arguments = arguments
        self.run = run
    }

    /// `name [arguments]` for the usage line.
    public var usage: String { arguments.isEmpty ? name : "\(name) \(arguments)" }
}

/// What a running `ServiceCommand` gets besides the application.
public struct CommandContext: Sendable {
    /// The words after the subcommand (`["plz.csv"]` for `geocoding import-plz plz.csv`).
    public let arguments: [String]
    /// The service logger (writing to standard error).
    public let logger: Logger
    /// The service's pool; nil for services without a schema.
    public let database: PostgresPool?
    /// Writes one line (a newline is added) to standard output: the command's result.
    public let print: @Sendable (String) -> Void

    /// A context; `print` defaults to standard output.
    public init(arguments: [String], logger: Logger, database: PostgresPool?,
                print: @escaping @Sendable (String) -> Void = CommandContext.standardOutput) {
        self.arguments = arguments
        self.logger = logger
        self.database = database
        self.print = print
    }

    /// Writes a line to standard output with write(2).
    public static let standardOutput: @Sendable (String) -> Void = { FileDescriptorOutput.standardOutput.write($0 + "\n") }
}
