internal import Shared

/// What the matching service needs from the four peers (matching.md §2, §8, §9). Peer objects
/// are passed on as the JSON the peers serve. "Not found" (any non-2xx answer) is `nil`; a peer
/// that cannot be asked (unreachable, timed out, unreadable answer) throws `PeerError`.
protocol PatientDirectory: Sendable {
    /// `GET /api/patients/{id}`.
    func patient(_ id: Int) async throws(PeerError) -> JSONValue?
    /// The patients among `ids` that exist, by id (few calls: `GET /api/patients?ids=…`).
    func patients(ids: [Int]) async throws(PeerError) -> [Int: JSONValue]
    /// Every patient whose `plz` starts with `prefix` (`GET /api/patients?plz_prefix=…`, all pages).
    func patients(plzPrefix prefix: String) async throws(PeerError) -> [JSONValue]
    /// `PUT /api/patients/{id}` `{"status": status}`.
    func setStatus(_ id: Int, to status: String) async throws(PeerError)
}

protocol TherapistDirectory: Sendable {
    /// `GET /api/therapists/{id}`.
    func therapist(_ id: Int) async throws(PeerError) -> JSONValue?
    /// The therapists among `ids` that exist, by id (`GET /api/therapists?ids=…`).
    func therapists(ids: [Int]) async throws(PeerError) -> [Int: JSONValue]
    /// `GET /api/therapists?status=aktiv&plz_prefix=…&limit=1000`, in service order.
    func activeTherapists(plzPrefix prefix: String) async throws(PeerError) -> [JSONValue]
    /// `PUT /api/therapists/{id}` `{"naechster_kontakt_moeglich": "YYYY-MM-DD"}`.
    func setNextContact(_ id: Int, to date: LocalDate) async throws(PeerError)
    /// `GET /api/therapists/{id}/pdfs`: the forms' paths and file names.
    func pdfForms(_ id: Int) async throws(PeerError) -> [(path: String, filename: String)]
}

/// Road distance between two addresses (`GET /api/calculate-distance`): nil when the geocoding
/// service answers without a distance (non-200; the constraint then passes, §5.1 a); throws
/// when the service cannot be asked at all.
protocol DistanceService: Sendable {
    func distanceKm(from origin: String, to destination: String, mode: String) async throws(PeerError) -> Double?
}

/// Emails and phone calls through the communication service.
protocol CommunicationChannel: Sendable {
    /// `POST /api/emails` with `body`; the new email's id.
    func createEmail(_ body: JSONValue) async throws(PeerError) -> Int
    /// `PUT /api/emails/{id}` `{"status": "In_Warteschlange"}`.
    func queueEmail(_ id: Int) async throws(PeerError)
    /// `POST /api/phone-calls` with `body`; the new call's id.
    func createPhoneCall(_ body: JSONValue) async throws(PeerError) -> Int
}
