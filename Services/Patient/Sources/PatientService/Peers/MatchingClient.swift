internal import Shared

/// `SearchRegistry` over HTTP: `GET <matching>/api/platzsuchen?patient_id=<id>` (5 s).
struct MatchingClient: SearchRegistry {
    let http: HTTPClient
    let baseURL: String

    func searchCount(patient: PatientID) async throws(PeerError) -> Int? {
        let response: HTTPClientResponse
        do {
            response = try await http.execute(.get("\(baseURL)/api/platzsuchen?patient_id=\(patient)", timeout: .seconds(5)))
        } catch { throw PeerError(error.description) }
        guard response.status == .ok else { return nil }
        guard let data = (try? JSONParser.parse(response.body))?["data"]?.arrayValue else {
            throw PeerError("matching service answered with an unreadable body")
        }
        return data.count
    }
}
