internal import Shared

/// The communication service: emails and phone calls (matching.md §8, §9).
struct CommunicationClient: CommunicationChannel {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) {
        peer = PeerClient(name: "communication service", baseURL: baseURL, http: http)
    }

    func createEmail(_ body: JSONValue) async throws(PeerError) -> Int {
        try PeerAnswers.createdID(try await peer.exchange(.post, "/api/emails", body, timeout: .seconds(10)),
                                  peer: peer, route: "POST /api/emails")
    }

    func queueEmail(_ id: Int) async throws(PeerError) {
        try await peer.put("/api/emails/\(id)", ["status": "In_Warteschlange"], timeout: .seconds(10))
    }

    func createPhoneCall(_ body: JSONValue) async throws(PeerError) -> Int {
        try PeerAnswers.createdID(try await peer.exchange(.post, "/api/phone-calls", body, timeout: .seconds(10)),
                                  peer: peer, route: "POST /api/phone-calls")
    }
}
