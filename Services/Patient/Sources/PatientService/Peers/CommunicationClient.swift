internal import Shared

/// `CommunicationGateway` over HTTP (communication service, spec patient.md §2.7, §5, §6).
struct CommunicationClient: CommunicationGateway {
    let http: HTTPClient
    let baseURL: String

    func emails(patient: PatientID) async throws(PeerError) -> [JSONValue] {
        try await list("/api/emails?patient_id=\(patient)")
    }

    func phoneCalls(patient: PatientID) async throws(PeerError) -> [JSONValue] {
        try await list("/api/phone-calls?patient_id=\(patient)")
    }

    func queue(_ email: OutgoingEmail) async throws(PeerError) {
        let body: JSONValue = [
            "patient_id": .number(String(email.patientID)), "betreff": .string(email.subject),
            "inhalt_markdown": .string(email.markdown), "empfaenger_email": .string(email.recipientEmail),
            "empfaenger_name": .string(email.recipientName), "absender_email": "info@curavani.com",
            "absender_name": "Curavani", "add_legal_footer": true, "status": "In_Warteschlange",
        ]
        try await post("/api/emails", body)
    }

    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError) {
        try await post("/api/system-messages", ["subject": .string(subject), "message": .string(message),
                                                "sender_name": .string(senderName)])
    }

    private func list(_ path: String) async throws(PeerError) -> [JSONValue] {
        let response: HTTPClientResponse
        do { response = try await http.execute(.get(baseURL + path, timeout: .seconds(10))) } catch {
            throw PeerError(error.description)
        }
        // A list never answers 404; a 404 means the route is missing (a communication service
        // without its API yet): say so instead of showing an empty history.
        if response.status == .notFound { throw PeerError("communication service does not serve \(path.prefix { $0 != "?" }) (404)") }
        guard response.status.code / 100 == 2 else { return [] }
        guard let value = try? JSONParser.parse(response.body) else {
            throw PeerError("communication service answered with an unreadable body")
        }
        // Paginated envelope (`data`) or, leniently, a bare array.
        return value["data"]?.arrayValue ?? value.arrayValue ?? []
    }

    private func post(_ path: String, _ body: JSONValue) async throws(PeerError) {
        let request = HTTPClientRequest(method: .post, url: baseURL + path, headers: ["Content-Type": "application/json"],
                                        body: JSONWriter().bytes(body), timeout: .seconds(10))
        let response: HTTPClientResponse
        do { response = try await http.execute(request) } catch { throw PeerError(error.description) }
        guard response.status.code / 100 == 2 else {
            throw PeerError("communication service answered \(response.status.code) to POST \(path)")
        }
    }
}
