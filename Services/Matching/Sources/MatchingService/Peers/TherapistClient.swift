internal import Shared

/// The therapist service (matching.md §2): one therapist (5 s), batches by id, the active
/// therapists of a PLZ prefix (10 s), the cooling period and the PDF forms.
struct TherapistClient: TherapistDirectory {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) {
        peer = PeerClient(name: "therapist service", baseURL: baseURL, http: http)
    }

    func therapist(_ id: Int) async throws(PeerError) -> JSONValue? {
        try PeerAnswers.object(try await peer.get("/api/therapists/\(id)", timeout: .seconds(5)), peer: peer,
                               route: "GET /api/therapists/{id}")
    }

    func therapists(ids: [Int]) async throws(PeerError) -> [Int: JSONValue] {
        try await PeerAnswers.batch(peer, "/api/therapists", ids: ids)
    }

    func activeTherapists(plzPrefix prefix: String) async throws(PeerError) -> [JSONValue] {
        try await peer.list("/api/therapists?status=aktiv&plz_prefix=\(PercentEncoding.encode(prefix))&limit=1000",
                            timeout: .seconds(10))
    }

    func setNextContact(_ id: Int, to date: LocalDate) async throws(PeerError) {
        try await peer.put("/api/therapists/\(id)", ["naechster_kontakt_moeglich": .string(date.description)],
                           timeout: .seconds(10))
    }

    /// Errors give no forms (§8.3 step 2: the email goes out without them).
    func pdfForms(_ id: Int) async throws(PeerError) -> [(path: String, filename: String)] {
        guard let answer = try? await peer.get("/api/therapists/\(id)/pdfs", timeout: .seconds(10)),
              answer.status == .ok, let pdfs = answer.json?["pdfs"]?.arrayValue else { return [] }
        return pdfs.compactMap { pdf in
            guard let path = pdf["path"]?.stringValue, let name = pdf["filename"]?.stringValue else { return nil }
            return (path, name)
        }
    }
}
