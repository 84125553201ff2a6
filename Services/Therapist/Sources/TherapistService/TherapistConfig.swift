public import Shared

/// The therapist service's own settings (therapist.md §7, operations.md §7).
struct TherapistConfig: Sendable {
    let peers: PeerServices

    init(_ config: inout ConfigReader) {
        peers = PeerServices(["matching", "communication"], config: &config)
    }
}
