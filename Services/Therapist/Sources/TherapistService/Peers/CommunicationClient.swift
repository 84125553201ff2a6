internal import Shared

/// `CommunicationGateway` over HTTP (communication service, therapist.md §2.6, §5).
struct CommunicationClient: CommunicationGateway {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) { peer = PeerClient(name: "communication service", baseURL: baseURL, http: http) }

    func emails(therapist: TherapistID) async throws(PeerError) -> [JSONValue] {
        try await peer.list("/api/emails?therapist_id=\(therapist)", timeout: .seconds(10))
    }

    func phoneCalls(therapist: TherapistID) async throws(PeerError) -> [JSONValue] {
        try await peer.list("/api/phone-calls?therapist_id=\(therapist)", timeout: .seconds(10))
    }

    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError) {
        try await peer.post("/api/system-messages", ["subject": .string(subject), "message": .string(message),
                                                     "sender_name": .string(senderName)], timeout: .seconds(10))
    }
}
