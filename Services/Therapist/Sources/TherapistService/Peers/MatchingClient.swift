internal import Shared

/// `InquiryRegistry` over HTTP: `GET <matching>/api/therapeutenanfragen?therapist_id=<id>` (5 s).
struct MatchingClient: InquiryRegistry {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) { peer = PeerClient(name: "matching service", baseURL: baseURL, http: http) }

    func hasInquiries(therapist: TherapistID) async throws(PeerError) -> Bool {
        let (status, json) = try await peer.get("/api/therapeutenanfragen?therapist_id=\(therapist)", timeout: .seconds(5))
        guard status == .ok else { throw PeerError("matching service answered \(status.code)") }
        guard let data = json?["data"]?.arrayValue else { throw PeerError("matching service answered with an unreadable body") }
        return !data.isEmpty
    }
}
