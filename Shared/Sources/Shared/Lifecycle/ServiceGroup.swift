/// Starts services in order (each `start()` returns once that service is ready), then waits for
/// a shutdown request, marks the service unready, waits `drainDelay` so balancers notice, and
/// shuts the services down in **reverse** order within `shutdownTimeout`.
public struct ServiceGroup: Sendable {
    let services: [any Service]
    let health: Health?
    let logger: Logger
    let shutdownTimeout: Duration
    let drainDelay: Duration

    /// Creates a group; `services` are in dependency order (start order).
    public init(services: [any Service], health: Health?, logger: Logger,
                shutdownTimeout: Duration = .seconds(25), drainDelay: Duration = .zero) {
        self.services = services
        self.health = health
        self.logger = logger
        self.shutdownTimeout = shutdownTimeout
        self.drainDelay = drainDelay
    }

    /// Runs until `stop` fires; returns the process exit code (0 clean, 1 start-up failure).
    /// `started` fires once every service has started.
    public func run(until stop: AsyncSignal, started startedSignal: AsyncSignal? = nil) async -> Int32 {
        var started: [any Service] = []
        for service in services {
            do {
                try await service.start()
                started.append(service)
            } catch {
                logger.critical("start-up failed", ["component": service.name, "error": String(describing: error)])
                await shutdown(started)
                return 1
            }
        }
        health?.markStarted()
        startedSignal?.fire()
        logger.notice("started", ["components": services.map(\.name).joined(separator: ",")])
        await stop.wait()
        await shutdown(started)
        return 0
    }

    private func shutdown(_ started: [any Service]) async {
        health?.markDraining()
        if drainDelay > .zero { try? await Task.sleep(for: drainDelay) }
        let deadline = ContinuousClock.now.advanced(by: shutdownTimeout)
        for service in started.reversed() {
            logger.info("stopping", ["component": service.name])
            await service.shutdown(until: deadline)
        }
        logger.notice("stopped")
    }
}
