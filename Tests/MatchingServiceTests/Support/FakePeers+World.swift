import Shared
import Synchronization

/// Arranging and inspecting the fakes' world.
extension FakePeers {
    /// Adds (or replaces) a patient; `patient` must contain an integer "id".
    func addPatient(_ patient: JSONValue) {
        guard let id = patient["id"]?.intValue else { preconditionFailure("FakePeers.addPatient: no integer id") }
        box.world.withLock { $0.patients[id] = patient }
    }

    /// Adds (or replaces) a therapist; `therapist` must contain an integer "id".
    func addTherapist(_ therapist: JSONValue) {
        guard let id = therapist["id"]?.intValue else { preconditionFailure("FakePeers.addTherapist: no integer id") }
        box.world.withLock { $0.therapists[id] = therapist }
    }

    func removePatient(_ id: Int) { box.world.withLock { _ = $0.patients.removeValue(forKey: id) } }
    func removeTherapist(_ id: Int) { box.world.withLock { _ = $0.therapists.removeValue(forKey: id) } }

    /// The patient's current state, PUTs included.
    func patient(_ id: Int) -> JSONValue? { box.world.withLock { $0.patients[id] } }
    /// The therapist's current state, PUTs included.
    func therapist(_ id: Int) -> JSONValue? { box.world.withLock { $0.therapists[id] } }

    /// The PDF forms `GET /api/therapists/{id}/pdfs` lists for the therapist.
    func setPDFs(therapist id: Int, _ forms: [(filename: String, path: String)]) {
        box.world.withLock { $0.pdfs[id] = forms }
    }

    /// Distance answered for (origin, destination), exact address strings; unknown pairs
    /// answer `defaultDistanceKm` (default 1.0).
    func setDistance(from origin: String, to destination: String, km: Double) {
        box.world.withLock { $0.distances[World.distanceKey(origin, destination)] = km }
    }

    /// nil → unknown pairs answer 400 `{"message": "Could not resolve coordinates"}`.
    func setDefaultDistance(_ km: Double?) { box.world.withLock { $0.defaultDistanceKm = km } }

    /// Status the named fake answers to every request on its routes (nil = normal behaviour).
    func failing(_ peer: Peer, with status: HTTPStatus?) { box.world.withLock { $0.failing[peer] = status } }

    /// Everything received, in order.
    var requests: [Recorded] { box.world.withLock { $0.requests } }
    /// `POST /api/emails` bodies, each with the assigned "id" added.
    var emails: [JSONValue] { box.world.withLock { $0.emails } }
    /// `PUT /api/emails/{id}` bodies.
    var emailUpdates: [(id: Int, body: JSONValue)] { box.world.withLock { $0.emailUpdates } }
    /// `POST /api/phone-calls` bodies, each with the assigned "id" added.
    var phoneCalls: [JSONValue] { box.world.withLock { $0.phoneCalls } }
    /// `GET /api/calculate-distance` requests answered (failures included).
    var distanceRequests: Int { box.world.withLock { $0.distanceRequests } }
}
