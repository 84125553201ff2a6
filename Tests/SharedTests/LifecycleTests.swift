import Synchronization
import Testing
@testable import Shared

/// A `Service` that records its start and shutdown (and the readiness it saw then) in a shared log.
private final class Recorder: Service {
    let name: String
    let log: EventLog
    let health: Health?
    let failsToStart: Bool

    init(_ name: String, _ log: EventLog, health: Health? = nil, failsToStart: Bool = false) {
        self.name = name
        self.log = log
        self.health = health
        self.failsToStart = failsToStart
    }

    struct StartFailure: Error {}

    func start() async throws {
        log.append("start \(name)")
        if failsToStart { throw StartFailure() }
    }

    func shutdown(until deadline: ContinuousClock.Instant) async {
        let ready = health.map { $0.isReady ? " ready" : " unready" } ?? ""
        log.append("stop \(name)\(ready)")
    }
}

/// What the services did, in order, shared by all of them.
private final class EventLog: Sendable {
    private let events = Mutex<[String]>([])
    func append(_ event: String) { events.withLock { $0.append(event) } }
    var snapshot: [String] { events.withLock { $0 } }
}

@Suite("Service group and readiness")
struct LifecycleTests {
    let logger = Logger(service: "test", level: .critical, sink: .memory())

    @Test("services start in order and stop in reverse order; readiness follows start and drain",
          .timeLimit(.minutes(1)))
    func orderAndReadiness() async {
        let log = EventLog(), health = Health(serviceName: "test-service", version: "1")
        let services = ["a", "b", "c"].map { Recorder($0, log, health: health) }
        let group = ServiceGroup(services: services, health: health, logger: logger)
        let stop = AsyncSignal(), started = AsyncSignal()
        #expect(!health.isReady)
        let run = Task { await group.run(until: stop, started: started) }
        await started.wait()
        #expect(health.isReady)
        #expect(log.snapshot == ["start a", "start b", "start c"])
        stop.fire()
        #expect(await run.value == 0)
        #expect(log.snapshot == ["start a", "start b", "start c", "stop c unready", "stop b unready", "stop a unready"])
        #expect(!health.isReady)
    }

    @Test("a failing start stops the services already started, in reverse, and returns 1")
    func failingStart() async {
        let log = EventLog(), health = Health(serviceName: "test-service", version: "1")
        let services = [Recorder("a", log), Recorder("b", log),
                        Recorder("c", log, failsToStart: true), Recorder("d", log)]
        let started = AsyncSignal()
        let code = await ServiceGroup(services: services, health: health, logger: logger)
            .run(until: AsyncSignal(), started: started)
        #expect(code == 1)
        #expect(log.snapshot == ["start a", "start b", "start c", "stop b", "stop a"])
        #expect(!started.isFired)
        #expect(!health.isReady)
    }

    @Test("Health readiness: false before start, true after, false once draining")
    func healthStates() {
        let health = Health(serviceName: "test-service", version: "1")
        #expect(!health.isReady)
        health.markStarted()
        #expect(health.isReady)
        health.markDraining()
        #expect(!health.isReady)
    }
}
