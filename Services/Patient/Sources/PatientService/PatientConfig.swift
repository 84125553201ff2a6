public import Shared

/// The patient service's own settings (spec patient.md §7, operations.md §7).
struct PatientConfig: Sendable {
    let peers: PeerServices

    init(_ config: inout ConfigReader, environment: String) {
        peers = PeerServices(["matching", "communication"], config: &config)
    }
}
