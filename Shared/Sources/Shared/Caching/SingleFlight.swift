internal import Synchronization

/// Concurrent requests for the same key share one computation: five simultaneous lookups of
/// `Berlin, Germany` cost one Nominatim request (and one rate-limit slot), not five.
public final class SingleFlight<Value: Sendable>: Sendable {
    /// No computation running yet.
    public init() {}

    private let running = Mutex<[String: (task: Task<Value, Never>, callers: Int)]>([:])

    /// The value of the computation for `key` already running, or of `work` started now.
    public func run(_ key: String, _ work: @escaping @Sendable () async -> Value) async -> Value {
        let (task, owner) = running.withLock { flights -> (Task<Value, Never>, Bool) in
            if let flight = flights[key] {
                flights[key]?.callers += 1
                return (flight.task, false)
            }
            let task = Task { await work() }
            flights[key] = (task, 1)
            return (task, true)
        }
        let value = await task.value
        if owner { running.withLock { _ = $0.removeValue(forKey: key) } }
        return value
    }

    /// How many callers wait for the running computation of `key` (0 when none runs).
    public func callers(_ key: String) -> Int { running.withLock { $0[key]?.callers ?? 0 } }
}
