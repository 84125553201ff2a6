import Foundation
import Shared
import TestSupport
@testable import CommunicationService

/// The communication service running in-process against the test database, with the patient
/// service replaced by a stub, a fake SMTP relay, a fresh local object storage, and a client.
/// The queue worker and the storage processor are off unless `environment` turns them on: the
/// suites share one database, and only the worker suites may claim queued rows.
final class CommunicationFixture: Sendable {
    let patient: PeerStub
    let smtp: FakeSMTPServer
    let harness: ServiceHarness<CommunicationApp>
    let http = HTTPClient()
    let api: APIClient
    /// Fresh per fixture: `storage/` (local object storage), `files/` (attachments).
    let base: String

    static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("communication-\(UUID().uuidString)").path
    }

    /// The settings the service needs besides the database; peers nobody answers.
    static func baseEnvironment(base: String, smtpPort: Int) -> [String: String] {
        ["PATIENT_SERVICE_URL": "http://127.0.0.1:1", "FLASK_ENV": "test",
         "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(smtpPort), "SMTP_USERNAME": "", "SMTP_PASSWORD": "",
         "EMAIL_SENDER": "info@curavani.com", "EMAIL_SENDER_NAME": "Curavani GmbH",
         "SYSTEM_NOTIFICATION_EMAIL": "system@curavani.example",
         "COMPANY_NAME": "Curavani GmbH", "COMPANY_STREET": "Musterstraße 1", "COMPANY_PLZ": "52070",
         "COMPANY_CITY": "Aachen", "COMPANY_COUNTRY": "Deutschland", "COMPANY_CEO": "Erika Beispiel",
         "COMPANY_HRB": "Amtsgericht Aachen HRB 12345", "LEGAL_FOOTER_PRIVACY_TEXT": "Vertraulich.",
         "EMAIL_QUEUE_ENABLED": "false", "STORAGE_PROCESSOR_ENABLED": "false",
         "OBJECT_STORAGE_BACKEND": "local", "OBJECT_STORAGE_LOCAL_PATH": base + "/storage",
         "HMAC_SECRET_KEY": "test-hmac-secret"]
    }

    init(environment: [String: String] = [:], smtp: FakeSMTPServer? = nil) async throws {
        patient = try await PeerStub(routes: [(.patch, "/api/patients/{id}/last-contact")])
        patient.answer(.patch, "/api/patients/{id}/last-contact", body: #"{"message":"ok"}"#)
        self.smtp = try smtp ?? FakeSMTPServer()
        base = Self.newFolder()
        try FileManager.default.createDirectory(atPath: base + "/files", withIntermediateDirectories: true)
        var values = Self.baseEnvironment(base: base, smtpPort: self.smtp.port)
        values["PATIENT_SERVICE_URL"] = patient.url
        values.merge(environment) { $1 }
        harness = try await ServiceHarness<CommunicationApp>(environment: values)
        harness.runtime.app.selfAddress.bind(port: harness.port)  // port 0: known only once bound
        api = APIClient(port: harness.port, http: http)
    }

    func stop() async {
        _ = await harness.shutdown()
        http.shutdown()
        await patient.stop()
        smtp.stop()
        try? FileManager.default.removeItem(atPath: base)
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with(environment: [String: String] = [:], smtp: FakeSMTPServer? = nil,
                     _ body: (CommunicationFixture) async throws -> Void) async throws {
        let fixture = try await CommunicationFixture(environment: environment, smtp: smtp)
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }
}

extension JSONValue {
    var id: Int { self["id"]?.intValue ?? -1 }
}
