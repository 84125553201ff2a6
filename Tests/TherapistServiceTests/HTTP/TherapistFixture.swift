import Foundation
import Shared
import TestSupport
@testable import TherapistService

/// The therapist service running in-process against the test database, with the matching and
/// communication services replaced by stubs, and a client to call it.
final class TherapistFixture: Sendable {
    let matching: PeerStub
    let communication: PeerStub
    let harness: ServiceHarness<TherapistApp>
    let http = HTTPClient()
    let api: APIClient
    /// Fresh per fixture: `import/` (scraper output), `import_urgent/`, `pdfs/`.
    let base: String

    /// The settings the service requires besides the database, with folders below `base`
    /// (fresh by default) and peers nobody answers.
    static func baseEnvironment(base: String = newFolder()) -> [String: String] {
        ["MATCHING_SERVICE_URL": "http://127.0.0.1:1", "COMMUNICATION_SERVICE_URL": "http://127.0.0.1:1",
         "FLASK_ENV": "test", "THERAPIST_IMPORT_FOLDER_PATH": base + "/import",
         "THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS": "86400", "THERAPIST_PDF_STORAGE_PATH": base + "/pdfs"]
    }

    static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("therapist-\(UUID().uuidString)").path
    }

    init(environment: [String: String] = [:]) async throws {
        matching = try await PeerStub(routes: [(.get, "/api/therapeutenanfragen")])
        matching.answer(.get, "/api/therapeutenanfragen", body: #"{"data":[],"page":1,"limit":20,"total":0}"#)
        communication = try await PeerStub(routes: [(.get, "/api/emails"), (.get, "/api/phone-calls"),
                                                    (.post, "/api/system-messages")])
        base = Self.newFolder()
        try FileManager.default.createDirectory(atPath: base + "/import", withIntermediateDirectories: true)
        var values = Self.baseEnvironment(base: base)
        values.merge(["MATCHING_SERVICE_URL": matching.url, "COMMUNICATION_SERVICE_URL": communication.url]) { $1 }
        values.merge(environment) { $1 }
        harness = try await ServiceHarness<TherapistApp>(environment: values)
        api = APIClient(port: harness.port, http: http)
    }

    func stop() async {
        _ = await harness.shutdown()
        http.shutdown()
        await matching.stop()
        await communication.stop()
        try? FileManager.default.removeItem(atPath: base)
    }

    /// The minimal valid create body.
    static let minimal: JSONObject = ["anrede": "Herr", "geschlecht": "männlich", "vorname": "Max", "nachname": "Mustermann"]

    /// Creates a therapist from the minimal valid body plus `extra` members; returns its JSON.
    func createTherapist(_ extra: JSONObject = JSONObject()) async throws -> JSONValue {
        var body = Self.minimal
        for (key, value) in extra { body[key] = value }
        let response = try await api.call(.post, "/api/therapists", json: .object(body))
        guard response.status == 201 else { throw TestSupportError("create failed: \(response.status) \(response.text)") }
        return response.json
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with(environment: [String: String] = [:], _ body: (TherapistFixture) async throws -> Void) async throws {
        let fixture = try await TherapistFixture(environment: environment)
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }
}

extension JSONValue {
    var id: Int { self["id"]?.intValue ?? -1 }
}
