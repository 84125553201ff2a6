import Foundation
import Shared
import TestSupport
@testable import PatientService

/// The patient service running in-process against the test database, with the matching and
/// communication services replaced by stubs, and a client to call it.
final class PatientFixture: Sendable {
    let matching: PeerStub
    let communication: PeerStub
    let harness: ServiceHarness<PatientApp>
    let http = HTTPClient()
    let api: APIClient
    let importFolder: String
    let storageFolder: String

    static let hmacKey = "patient-test-hmac-key"

    /// The settings the service requires besides the database: peers nobody answers (unused by
    /// platform endpoints), import and storage folders below `base` (fresh by default).
    static func baseEnvironment(base: String = newFolder()) -> [String: String] {
        ["MATCHING_SERVICE_URL": "http://127.0.0.1:1", "COMMUNICATION_SERVICE_URL": "http://127.0.0.1:1",
                "FLASK_ENV": "test", "PATIENT_IMPORT_LOCAL_PATH": base + "/imports",
                "PATIENT_IMPORT_CHECK_INTERVAL_SECONDS": "3600", "HMAC_SECRET_KEY": hmacKey,
                "OBJECT_STORAGE_BACKEND": "local", "OBJECT_STORAGE_LOCAL_PATH": base + "/storage",
                "EMAIL_TEMPLATE_DIR": templatesDirectory]
    }

    static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("patient-\(UUID().uuidString)").path
    }

    init(environment: [String: String] = [:]) async throws {
        matching = try await PeerStub(routes: [(.get, "/api/platzsuchen")])
        communication = try await PeerStub(routes: [(.get, "/api/emails"), (.get, "/api/phone-calls"),
                                                    (.post, "/api/emails"), (.post, "/api/system-messages"),
                                                    (.get, "/prices.json")])
        communication.answer(.get, "/prices.json", body: #"{"einzeltherapie": 95, "gruppentherapie": 45}"#)
        let base = Self.newFolder()
        importFolder = base + "/imports"
        storageFolder = base + "/storage"
        try FileManager.default.createDirectory(atPath: storageFolder + "/test/registrations", withIntermediateDirectories: true)
        var values = Self.baseEnvironment(base: base)
        values.merge(["MATCHING_SERVICE_URL": matching.url, "COMMUNICATION_SERVICE_URL": communication.url,
                      "PRICES_URL": communication.url + "/prices.json"]) { $1 }
        values.merge(environment) { $1 }
        harness = try await ServiceHarness<PatientApp>(environment: values)
        api = APIClient(port: harness.port, http: http)
    }

    /// `templates/emails` of this checkout.
    static var templatesDirectory: String {
        Repository.path("templates/emails")
    }

    func stop() async {
        _ = await harness.shutdown()
        http.shutdown()
        await matching.stop()
        await communication.stop()
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: importFolder).deletingLastPathComponent().path)
    }

    /// Creates a patient from the minimal valid body plus `extra` members; returns its JSON.
    func createPatient(_ extra: JSONObject = JSONObject()) async throws -> JSONValue {
        var body: JSONObject = ["anrede": "Frau", "geschlecht": "weiblich", "vorname": "Erika", "nachname": "Musterfrau"]
        for (key, value) in extra { body[key] = value }
        let response = try await api.call(.post, "/api/patients", json: .object(body))
        guard response.status == 201 else { throw TestSupportError("create failed: \(response.status) \(response.text)") }
        return response.json
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with(environment: [String: String] = [:], _ body: (PatientFixture) async throws -> Void) async throws {
        let fixture = try await PatientFixture(environment: environment)
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }
}

extension JSONValue {
    var id: Int { self["id"]?.intValue ?? -1 }
}
