internal import Shared

/// `SystemMessages` over HTTP: communication `POST /api/system-messages` with the keys
/// `subject`, `message` and `sender_name` (10 s).
struct SystemMessageClient: SystemMessages {
    let http: HTTPClient
    /// The communication service's base URL (`PeerServices.url("communication")`).
    let baseURL: String

    func send(subject: String, message: String, senderName: String) async throws(SystemMessageError) {
        let body: JSONValue = ["subject": .string(subject), "message": .string(message), "sender_name": .string(senderName)]
        let request = HTTPClientRequest(method: .post, url: baseURL + "/api/system-messages",
                                        headers: ["Content-Type": "application/json"], body: JSONWriter().bytes(body),
                                        timeout: .seconds(10))
        let response: HTTPClientResponse
        do { response = try await http.execute(request) } catch { throw SystemMessageError(error.description) }
        guard response.status.code / 100 == 2 else {
            throw SystemMessageError("communication service answered \(response.status.code) to POST /api/system-messages")
        }
    }
}
