internal import Synchronization

/// An in-process cache by string key: at most `capacity` entries, each valid for `ttl`; the least
/// recently used entry goes first when full. The geocoding service keeps its lookups in it
/// (geocoding.md §4), the matching service its selection lists.
public final class MemoryCache<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expires: ContinuousClock.Instant
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tick: UInt64 = 0
    }

    /// The most entries held at once.
    public let capacity: Int
    /// How long an entry stays valid after it was stored.
    public let ttl: Duration
    let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// A cache of `capacity` entries (at least 1) living `ttl`; `now` is the clock (tests move it).
    public init(capacity: Int, ttl: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.capacity = max(1, capacity)
        self.ttl = ttl
        self.now = now
    }

    /// The live value for `key`, marked as just used; nil when absent or expired.
    public func get(_ key: String) -> Value? {
        let instant = now()
        return state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            guard entry.expires > instant else { state.entries[key] = nil; return nil }
            state.tick &+= 1
            entry.lastUse = state.tick
            state.entries[key] = entry
            return entry.value
        }
    }

    /// Stores `value`; when full, drops the expired entries, else the least recently used one.
    public func set(_ key: String, _ value: Value) {
        let instant = now()
        state.withLock { state in
            state.tick &+= 1
            if state.entries[key] == nil, state.entries.count >= capacity {
                let live = state.entries.filter { $0.value.expires > instant }
                if live.count < state.entries.count {
                    state.entries = live
                }
                if state.entries.count >= capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                    state.entries[oldest.key] = nil
                }
            }
            state.entries[key] = Entry(value: value, expires: instant + ttl, lastUse: state.tick)
        }
    }

    /// Drops every entry.
    public func removeAll() { state.withLock { $0.entries.removeAll() } }

    /// How many entries are held (expired ones included until they are touched).
    public var count: Int { state.withLock { $0.entries.count } }
}
