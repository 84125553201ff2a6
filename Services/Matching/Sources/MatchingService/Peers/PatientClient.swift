internal import Shared

/// The patient service (matching.md §2): one patient (5 s), batches by id or PLZ prefix, status.
struct PatientClient: PatientDirectory {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) {
        peer = PeerClient(name: "patient service", baseURL: baseURL, http: http)
    }

    func patient(_ id: Int) async throws(PeerError) -> JSONValue? {
        try PeerAnswers.object(try await peer.get("/api/patients/\(id)", timeout: .seconds(5)), peer: peer,
                               route: "GET /api/patients/{id}")
    }

    func patients(ids: [Int]) async throws(PeerError) -> [Int: JSONValue] {
        try await PeerAnswers.batch(peer, "/api/patients", ids: ids)
    }

    func patients(plzPrefix prefix: String) async throws(PeerError) -> [JSONValue] {
        var all: [JSONValue] = [], page = 1
        while true {
            let path = "/api/patients?plz_prefix=\(PercentEncoding.encode(prefix))&limit=1000&page=\(page)"
            let items = try await peer.list(path, timeout: .seconds(10))
            all += items
            guard items.count == 1000 else { return all }
            page += 1
        }
    }

    func setStatus(_ id: Int, to status: String) async throws(PeerError) {
        try await peer.put("/api/patients/\(id)", ["status": .string(status)], timeout: .seconds(10))
    }
}
