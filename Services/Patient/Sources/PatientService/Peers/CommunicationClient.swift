internal import Shared

/// `CommunicationGateway` over HTTP (communication service, spec patient.md §2.7, §5, §6).
struct CommunicationClient: CommunicationGateway {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) { peer = PeerClient(name: "communication service", baseURL: baseURL, http: http) }

    func emails(patient: PatientID) async throws(PeerError) -> [JSONValue] {
        try await peer.list("/api/emails?patient_id=\(patient)", timeout: .seconds(10))
    }

    func phoneCalls(patient: PatientID) async throws(PeerError) -> [JSONValue] {
        try await peer.list("/api/phone-calls?patient_id=\(patient)", timeout: .seconds(10))
    }

    func queue(_ email: OutgoingEmail) async throws(PeerError) {
        let body: JSONValue = [
            "patient_id": .number(String(email.patientID)), "betreff": .string(email.subject),
            "inhalt_markdown": .string(email.markdown), "empfaenger_email": .string(email.recipientEmail),
            "empfaenger_name": .string(email.recipientName), "absender_email": "info@curavani.com",
            "absender_name": "Curavani", "add_legal_footer": true, "status": "In_Warteschlange",
        ]
        try await peer.post("/api/emails", body, timeout: .seconds(10))
    }

    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError) {
        try await peer.post("/api/system-messages", ["subject": .string(subject), "message": .string(message),
                                                     "sender_name": .string(senderName)], timeout: .seconds(10))
    }
}
