/// A long-lived component (HTTP server, pool, relay, background job) that `ServiceGroup`
/// starts in dependency order and shuts down in reverse order.
public protocol Service: Sendable {
    /// A short name for logs.
    var name: String { get }
    /// Starts the component and returns once it is ready; background work continues on its own
    /// (on owned threads or tracked tasks). Throwing aborts start-up.
    func start() async throws
    /// Stops gracefully, returning by `deadline` at the latest.
    func shutdown(until deadline: ContinuousClock.Instant) async
}
