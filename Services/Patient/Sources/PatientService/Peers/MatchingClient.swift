internal import Shared

/// `SearchRegistry` over HTTP: `GET <matching>/api/platzsuchen?patient_id=<id>` (5 s).
struct MatchingClient: SearchRegistry {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) { peer = PeerClient(name: "matching service", baseURL: baseURL, http: http) }

    func searchCount(patient: PatientID) async throws(PeerError) -> Int? {
        let (status, json) = try await peer.get("/api/platzsuchen?patient_id=\(patient)", timeout: .seconds(5))
        guard status == .ok else { return nil }
        guard let data = json?["data"]?.arrayValue else { throw PeerError("matching service answered with an unreadable body") }
        return data.count
    }
}
