import Synchronization

/// A monotonically increasing count, e.g. requests served.
///
/// Obtain one from `MetricsRegistry.counter(_:help:labels:)` once and keep it: incrementing is a
/// single relaxed atomic add, with no lock and no allocation.
public final class Counter: Sendable {
    private let storage = Atomic<Int>(0)

    init() {}

    /// Adds one.
    public func increment() {
        storage.wrappingAdd(1, ordering: .relaxed)
    }

    /// Adds `amount`, which must not be negative (a counter never goes down).
    public func increment(by amount: Int) {
        precondition(amount >= 0, "a counter cannot decrease")
        storage.wrappingAdd(amount, ordering: .relaxed)
    }

    /// The current count.
    public var value: Int { storage.load(ordering: .relaxed) }
}
