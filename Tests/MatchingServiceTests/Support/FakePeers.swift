import Shared
import Synchronization
import TestSupport

/// In-process fakes of the patient, therapist, geocoding and communication services for the
/// matching service's tests: real HTTP servers on ephemeral loopback ports (like `PeerStub`)
/// answering from a mutable world the test arranges and inspects.
final class FakePeers: Sendable {
    /// Which fake.
    enum Peer: Sendable { case patient, therapist, geocoding, communication }

    /// A request a fake received.
    struct Recorded: Sendable {
        let method: HTTPMethod
        let path: String
        let query: QueryParameters
        /// The body parsed as JSON (nil when empty or invalid).
        let json: JSONValue?
        let peer: Peer
    }

    /// Everything the fakes know and saw; one lock for all four.
    struct World {
        var patients: [Int: JSONValue] = [:]
        var therapists: [Int: JSONValue] = [:]
        var pdfs: [Int: [(filename: String, path: String)]] = [:]
        var distances: [String: Double] = [:]
        var defaultDistanceKm: Double? = 1.0
        var failing: [Peer: HTTPStatus] = [:]
        var requests: [Recorded] = []
        var emails: [JSONValue] = []
        var emailUpdates: [(id: Int, body: JSONValue)] = []
        var phoneCalls: [JSONValue] = []
        var distanceRequests = 0
        var nextCommunicationID = 1000

        static func distanceKey(_ origin: String, _ destination: String) -> String { origin + "\u{0}" + destination }
    }

    final class Box: Sendable { let world = Mutex(World()) }
    let box = Box()
    private let servers: [TestServer]

    /// Starts the four fakes.
    init() async throws {
        var servers: [TestServer] = []
        for peer in [Peer.patient, .therapist, .geocoding, .communication] {
            servers.append(try await TestServer(router: Self.router(for: peer, box: box)))
        }
        self.servers = servers
    }

    var patientURL: String { "http://127.0.0.1:\(servers[0].port)" }
    var therapistURL: String { "http://127.0.0.1:\(servers[1].port)" }
    var geocodingURL: String { "http://127.0.0.1:\(servers[2].port)" }
    var communicationURL: String { "http://127.0.0.1:\(servers[3].port)" }

    /// The environment entries pointing the matching service at the fakes:
    /// PATIENT_SERVICE_URL, THERAPIST_SERVICE_URL, GEOCODING_SERVICE_URL, COMMUNICATION_SERVICE_URL.
    var environment: [String: String] {
        ["PATIENT_SERVICE_URL": patientURL, "THERAPIST_SERVICE_URL": therapistURL,
         "GEOCODING_SERVICE_URL": geocodingURL, "COMMUNICATION_SERVICE_URL": communicationURL]
    }

    /// Stops the four servers.
    func stop() async {
        for server in servers { await server.stop() }
    }
}
