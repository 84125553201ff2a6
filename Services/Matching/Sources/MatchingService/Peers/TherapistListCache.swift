internal import Shared

/// The active therapists of a PLZ prefix (§4 step 1), kept for `ttl` (Shared `MemoryCache`) so
/// the selection list does not ask the therapist service on every request; concurrent misses of
/// one prefix share one call (`SingleFlight`). Only the selection list reads through it: bundles,
/// sending and answers always read the therapist fresh. A therapist's change reaches the list
/// within `ttl` (cleared at once when this service sets a cooling period); `ttl` zero turns the
/// cache off.
final class TherapistListCache: Sendable {
    let therapists: any TherapistDirectory
    let ttl: Duration
    private let lists: MemoryCache<[JSONValue]>
    private let flights = SingleFlight<Result<[JSONValue], PeerError>>()

    init(therapists: any TherapistDirectory, ttl: Duration) {
        (self.therapists, self.ttl) = (therapists, ttl)
        lists = MemoryCache(capacity: 1000, ttl: ttl)  // at most 100 two-digit prefixes in practice
    }

    func activeTherapists(plzPrefix prefix: String) async throws(PeerError) -> [JSONValue] {
        guard ttl > .zero else { return try await therapists.activeTherapists(plzPrefix: prefix) }
        if let list = lists.get(prefix) { return list }
        return try await flights.run(prefix) { [self] in await load(prefix) }.get()
    }

    private func load(_ prefix: String) async -> Result<[JSONValue], PeerError> {
        do {
            let list = try await therapists.activeTherapists(plzPrefix: prefix)
            lists.set(prefix, list)
            return .success(list)
        } catch { return .failure(error) }
    }

    /// Forgets every list (after this service changed a therapist).
    func clear() { lists.removeAll() }
}
