internal import Shared
import Synchronization

/// The active therapists of a PLZ prefix (§4 step 1), kept for `ttl` so the selection list does
/// not ask the therapist service on every request; concurrent misses of one prefix share one
/// call. Only the selection list reads through it: bundles, sending and answers always read the
/// therapist fresh. A therapist's change reaches the list within `ttl` (cleared at once when this
/// service sets a cooling period); `ttl` zero turns the cache off.
final class TherapistListCache: Sendable {
    let therapists: any TherapistDirectory
    let ttl: Duration
    private let entries = Mutex<[String: Entry]>([:])

    private enum Entry {
        case loading(Task<[JSONValue], any Error>)
        case ready([JSONValue], expires: ContinuousClock.Instant)
    }

    init(therapists: any TherapistDirectory, ttl: Duration) {
        (self.therapists, self.ttl) = (therapists, ttl)
    }

    func activeTherapists(plzPrefix prefix: String) async throws -> [JSONValue] {
        guard ttl > .zero else { return try await therapists.activeTherapists(plzPrefix: prefix) }
        let now = ContinuousClock.now
        let found: (list: [JSONValue]?, task: Task<[JSONValue], any Error>?) = entries.withLock { state in
            switch state[prefix] {
            case .ready(let list, let expires) where expires > now:
                return (list, nil)
            case .loading(let task):
                return (nil, task)
            default:
                let task = Task { [therapists] () throws -> [JSONValue] in try await therapists.activeTherapists(plzPrefix: prefix) }
                state[prefix] = .loading(task)
                return (nil, task)
            }
        }
        if let list = found.list { return list }
        guard let task = found.task else { return [] }
        do {
            let list = try await task.value
            entries.withLock { state in
                if case .loading = state[prefix] { state[prefix] = .ready(list, expires: ContinuousClock.now + ttl) }
            }
            return list
        } catch {
            entries.withLock { state in if case .loading = state[prefix] { state[prefix] = nil } }
            throw error
        }
    }

    /// Forgets every list (after this service changed a therapist).
    func clear() { entries.withLock { $0.removeAll() } }
}
