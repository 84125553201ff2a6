import Foundation
import Shared
import Synchronization
import TestSupport
@testable import MatchingService

/// Patient and therapist ids unique in this process and (very likely) across runs: the suites
/// share one database and never rely on empty tables.
enum MatchingIDs {
    static let counter = Mutex(Int.random(in: 10_000_000...900_000_000))
    static func next() -> Int { counter.withLock { $0 += 1; return $0 } }
    /// An id no row has (serial ids stay far below it).
    static let unknownRow = 2_100_000_000
}

/// The matching service running in-process against the test database, with its four peers
/// replaced by `FakePeers`, and a client. Each fixture's world is isolated: the bundle and the
/// selection only consider the patients and therapists its own fakes know.
final class MatchingFixture: Sendable {
    let peers: FakePeers
    let harness: ServiceHarness<MatchingApp>
    let http = HTTPClient()
    let api: APIClient
    static let prefix = "52"
    /// Each `bundleWorld` gets its own PLZ prefix (60, 61, …) so that worlds in one fixture
    /// never share patients.
    private let worldPrefixes = Mutex(60)

    init(environment: [String: String] = [:]) async throws {
        peers = try await FakePeers()
        var values = peers.environment
        values.merge(["FOLLOW_UP_REMINDERS_ENABLED": "false", "EMAIL_TEMPLATE_DIR": Repository.path("templates/emails"),
                      "COMPANY_CEO": "Erika Beispiel", "FLASK_ENV": "test"]) { $1 }
        values.merge(environment) { $1 }
        do { harness = try await ServiceHarness<MatchingApp>(environment: values) } catch {
            await peers.stop()
            throw error
        }
        api = APIClient(port: harness.port, http: http)
    }

    func stop() async {
        _ = await harness.shutdown()
        http.shutdown()
        await peers.stop()
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with(environment: [String: String] = [:], _ body: (MatchingFixture) async throws -> Void) async throws {
        let fixture = try await MatchingFixture(environment: environment)
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }

    // MARK: - Arranging the fakes

    /// A patient complete enough for a Platzsuche (PLZ 52064, Aachen, 25 km by car), with
    /// `changes` applied (a `.null` value sets null), added to the fake patient service.
    @discardableResult
    func addPatient(_ changes: JSONObject = [:]) -> JSONValue {
        let id = MatchingIDs.next()
        var patient: JSONObject = [
            "id": .number(String(id)), "anrede": "Frau", "geschlecht": "weiblich", "vorname": "Paula",
            "nachname": .string("Patientin\(id)"), "strasse": .string("Testweg \(id % 90 + 1)"), "plz": "52064", "ort": "Aachen",
            "email": .string("patient\(id)@example.org"), "telefon": "0241 123456", "geburtsdatum": "1990-05-15",
            "symptome": ["Depression / Niedergeschlagenheit"], "krankenkasse": "Techniker Krankenkasse",
            "erfahrung_mit_psychotherapie": false, "offen_fuer_gruppentherapie": true,
            "zeitliche_verfuegbarkeit": ["montag": ["09:00-17:00"]], "raeumliche_verfuegbarkeit": ["max_km": 25],
            "verkehrsmittel": "Auto", "status": "auf_der_Suche", "ausgeschlossene_therapeuten": [],
        ]
        for (key, value) in changes { patient[key] = value }
        peers.addPatient(.object(patient))
        return .object(patient)
    }

    /// An active therapist with email in PLZ 52062 (Aachen), with `changes` applied (`.null`
    /// sets null), added to the fake therapist service.
    @discardableResult
    func addTherapist(_ changes: JSONObject = [:]) -> JSONValue {
        let id = MatchingIDs.next()
        var therapist: JSONObject = [
            "id": .number(String(id)), "anrede": "Frau", "geschlecht": "weiblich", "titel": "Dr.", "vorname": "Tina",
            "nachname": .string("Therapeutin\(id)"), "strasse": .string("Praxisweg \(id % 90 + 1)"), "plz": "52062", "ort": "Aachen",
            "telefon": "0241 654321", "email": .string("praxis\(id)@example.org"), "status": "aktiv",
            "potenziell_verfuegbar": true, "ueber_curavani_informiert": true, "naechster_kontakt_moeglich": .null,
            "bevorzugte_diagnosen": [], "psychotherapieverfahren": "Verhaltenstherapie", "bevorzugt_gruppentherapie": false,
            "telefonische_erreichbarkeit": [:],
        ]
        for (key, value) in changes { therapist[key] = value }
        peers.addTherapist(.object(therapist))
        return .object(therapist)
    }

    // MARK: - Calling the service

    func get(_ path: String) async throws -> APIResponse { try await api.call(.get, path) }
    func post(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await api.call(.post, path, json: body) }
    func put(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await api.call(.put, path, json: body) }
    func delete(_ path: String) async throws -> APIResponse { try await api.call(.delete, path) }

    /// Creates a Platzsuche for the patient; its id (a non-201 answer throws).
    @discardableResult
    func createSearch(_ patient: JSONValue, notizen: String? = nil) async throws -> Int {
        var body: JSONObject = ["patient_id": patient["id"] ?? .null]
        if let notizen { body["notizen"] = .string(notizen) }
        let response = try await post("/api/platzsuchen", .object(body))
        guard response.status == 201, let id = response.json["id"]?.intValue else {
            throw TestSupportError("create search failed: \(response.status) \(response.text)")
        }
        return id
    }

    func createBundle(_ therapist: JSONValue, sofort: Bool = false, prefix: String = MatchingFixture.prefix) async throws -> APIResponse {
        try await post("/api/therapeutenanfragen/erstellen-fuer-therapeut",
                       ["therapist_id": therapist["id"] ?? .null, "plz_prefix": .string(prefix), "sofort_senden": .bool(sofort)])
    }

    /// Creates a bundle that must be created (201); the anfrage id and the patient ids.
    func requireBundle(_ therapist: JSONValue, sofort: Bool = false,
                       prefix: String = MatchingFixture.prefix) async throws -> (id: Int, patientIDs: [Int]) {
        let response = try await createBundle(therapist, sofort: sofort, prefix: prefix)
        guard response.status == 201, let id = response.json["anfrage_id"]?.intValue else {
            throw TestSupportError("create bundle failed: \(response.status) \(response.text)")
        }
        return (id, response.json["patient_ids"]?.arrayValue?.compactMap(\.intValue) ?? [])
    }

    /// Sends the anfrage; the 200 answer (anything else throws).
    @discardableResult
    func send(_ anfrageID: Int) async throws -> APIResponse {
        let response = try await post("/api/therapeutenanfragen/\(anfrageID)/senden", .object([:]))
        guard response.status == 200 else { throw TestSupportError("send failed: \(response.status) \(response.text)") }
        return response
    }

    /// `count` patients, each with an active search (in that order), one therapist and the
    /// bundle of all of them, in a PLZ prefix of their own.
    func bundleWorld(patients count: Int, therapist changes: JSONObject = [:]) async throws -> BundleWorld {
        let prefix = String(worldPrefixes.withLock { value in defer { value += 1 }; return value })
        var patients: [JSONValue] = [], searches: [Int] = []
        for _ in 0..<count {
            let patient = addPatient(["plz": .string(prefix + "064")])
            patients.append(patient)
            searches.append(try await createSearch(patient))
        }
        var therapistChanges: JSONObject = ["plz": .string(prefix + "062")]
        for (key, value) in changes { therapistChanges[key] = value }
        let therapist = addTherapist(therapistChanges)
        let bundle = try await requireBundle(therapist, prefix: prefix)
        guard bundle.patientIDs == patients.map(\.id) else {
            throw TestSupportError("bundle \(bundle.patientIDs) is not the world's patients \(patients.map(\.id))")
        }
        return BundleWorld(therapist: therapist, patients: patients, searchIDs: searches, anfrageID: bundle.id,
                           bundlePatientIDs: bundle.patientIDs, prefix: prefix)
    }

    /// The anfragen of one therapist (`GET /api/therapeutenanfragen?therapist_id=…`).
    func anfragen(of therapist: JSONValue, _ extra: String = "") async throws -> APIResponse {
        try await get("/api/therapeutenanfragen?therapist_id=\(therapist.id)" + extra)
    }
}

/// Patients with searches, a therapist and their bundle.
struct BundleWorld {
    let therapist: JSONValue
    let patients: [JSONValue]
    let searchIDs: [Int]
    let anfrageID: Int
    let bundlePatientIDs: [Int]
    /// The world's own PLZ prefix.
    let prefix: String
    var therapistID: Int { therapist.id }
    var patientIDs: [Int] { patients.map(\.id) }
}

extension JSONValue {
    /// The integer `id` member (-1 when absent).
    var id: Int { self["id"]?.intValue ?? -1 }
    /// An integer as a JSON number.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    /// The element at `index` of an array (nil when out of range or not an array).
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
    /// The object's member names in order (empty for non-objects).
    var keys: [String] { objectValue?.keys ?? [] }
}

/// Whole-string regular expression match.
func matches(_ text: String?, _ pattern: String) -> Bool {
    guard let text, let regex = try? Regex(pattern) else { return false }
    return (try? regex.wholeMatch(in: text)) != nil
}

/// The next date after `today` (1…7 days ahead) with ISO weekday `weekday` (1 = Monday).
func nextWeekday(_ weekday: Int, after today: LocalDate) -> LocalDate {
    (1...7).map { today.adding(days: $0) }.first { $0.isoWeekday == weekday }!
}
