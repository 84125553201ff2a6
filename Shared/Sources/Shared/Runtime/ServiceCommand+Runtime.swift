extension ServiceRuntime {
    /// Runs `command` with `arguments` instead of the server: nothing is started; afterwards the
    /// app's components and the pool are shut down in reverse order. Returns the command's code.
    public func run(_ command: ServiceCommand<App>, arguments: [String],
                    print: @escaping @Sendable (String) -> Void = CommandContext.standardOutput) async -> Int32 {
        let code = await command.run(app, CommandContext(arguments: arguments, logger: logger, database: database, print: print))
        let deadline = ContinuousClock.now.advanced(by: config.shutdownTimeout)
        for component in components.reversed() { await component.shutdown(until: deadline) }
        return code
    }
}

extension ServiceMain {
    /// The usage line: `therapist [healthcheck | migrate up|status|validate|baseline V|repair | import-now]`.
    static func usage<App: ServiceApplication>(_ type: App.Type) -> String {
        let words = ["healthcheck", "migrate up|status|validate|baseline V|repair"] + App.commands.map(\.usage)
        return "\(App.descriptor.name) [\(words.joined(separator: " | "))]"
    }

    /// Builds the runtime from `environment` with logs on standard error and runs the command
    /// `name` (what `run` does for `<binary> <name> …`; tests call it directly); exit 2 for
    /// invalid configuration, 64 for an unknown command.
    public static func command<App: ServiceApplication>(_ name: String, _ type: App.Type, arguments: [String],
                                                 environment: Environment,
                                                 print: @escaping @Sendable (String) -> Void = CommandContext.standardOutput) async -> Int32 {
        guard let command = App.commands.first(where: { $0.name == name }) else { return 64 }
        let runtime: ServiceRuntime<App>
        do {
            runtime = try ServiceRuntime<App>(environment: environment, logSink: LogSink(fileDescriptor: 2))
        } catch {
            FileDescriptorOutput.standardError.write("invalid configuration: \(error.problems.joined(separator: "; "))\n")
            return 2
        }
        return await runtime.run(command, arguments: arguments, print: print)
    }
}
