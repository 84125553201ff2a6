import Testing
import Synchronization
@testable import Shared

/// Lines collected from several tasks.
private final class CommandLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    func reset() { lines.withLock { $0 = [] } }
    var all: [String] { lines.withLock { $0 } }
}

/// A component that records what happened to it.
private final class RecordingComponent: Service {
    let name: String
    let events: CommandLog
    init(_ name: String, events: CommandLog) { self.name = name; self.events = events }
    func start() async throws { events.append("start \(name)") }
    func shutdown(until deadline: ContinuousClock.Instant) async { events.append("stop \(name)") }
}

/// A database-less application with two commands and two components.
private struct CommandApp: ServiceApplication {
    static let descriptor = ServiceDescriptor(name: "cmdtest", portKey: "CMDTEST_PORT", defaultPort: 8099)
    static let events = CommandLog()
    static let commands: [ServiceCommand<CommandApp>] = [
        ServiceCommand("echo", arguments: "WORDS") { app, context in
            context.print("\(app.greeting) " + context.arguments.joined(separator: " "))
            return context.database == nil ? 0 : 3
        },
        ServiceCommand("fail") { _, _ in 1 },
    ]
    let greeting: String
    let components: [any Service]

    init(config: inout ConfigReader, context: AppContext) {
        greeting = config.string("CMDTEST_GREETING")
        components = [RecordingComponent("a", events: Self.events), RecordingComponent("b", events: Self.events)]
    }

    func register(on router: inout Router) {}
}

/// An application that declares no commands.
private struct PlainApp: ServiceApplication {
    static let descriptor = ServiceDescriptor(name: "plain", portKey: "PLAIN_PORT", defaultPort: 8098)
    init(config: inout ConfigReader, context: AppContext) {}
    func register(on router: inout Router) {}
}

@Suite("Service commands", .serialized)
struct ServiceCommandTests {
    @Test("a command runs with the composed app and its arguments, prints to its output and returns its code")
    func runsCommand() async {
        CommandApp.events.reset()
        let lines = CommandLog()
        let code = await ServiceMain.command("echo", CommandApp.self, arguments: ["a", "b"],
                                             environment: Environment(["CMDTEST_GREETING": "hello"]),
                                             print: { lines.append($0) })
        #expect(code == 0)
        #expect(lines.all == ["hello a b"])
        // Nothing is started; the components are shut down afterwards, in reverse order.
        #expect(CommandApp.events.all == ["stop b", "stop a"])
    }

    @Test("the command's exit code is the process's")
    func exitCode() async {
        let code = await ServiceMain.command("fail", CommandApp.self, arguments: [],
                                             environment: Environment(["CMDTEST_GREETING": "x"]), print: { _ in })
        #expect(code == 1)
    }

    @Test("invalid configuration exits 2 without running the command; unknown commands 64")
    func configurationAndUnknown() async {
        let printed = CommandLog()
        let code = await ServiceMain.command("echo", CommandApp.self, arguments: [], environment: Environment([:]),
                                             print: { printed.append($0) })
        #expect(code == 2)
        #expect(printed.all.isEmpty)
        #expect(await ServiceMain.command("nope", CommandApp.self, arguments: [], environment: Environment([:])) == 64)
    }

    @Test("the usage line lists the app's commands after the built-in ones; apps declare none by default")
    func usage() {
        #expect(ServiceMain.usage(CommandApp.self)
                == "cmdtest [healthcheck | migrate up|status|validate|baseline V|repair | echo WORDS | fail]")
        #expect(PlainApp.commands.isEmpty)
        #expect(ServiceMain.usage(PlainApp.self) == "plain [healthcheck | migrate up|status|validate|baseline V|repair]")
    }
}
