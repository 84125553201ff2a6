import Shared
import TestSupport
@testable import CommunicationService

extension CommunicationFixture {
    /// A patient id no other test uses.
    static func uniqueID() -> Int { Int.random(in: 100_000_000...2_000_000_000) }

    /// A minimal valid create body for `patient`, plus `extra`.
    static func emailBody(patient: Int, _ extra: JSONObject = JSONObject()) -> JSONValue {
        var body: JSONObject = ["patient_id": .number(String(patient)), "betreff": "Ihre Anfrage",
                                "empfaenger_email": "patient@example.org", "empfaenger_name": "Pat Ient",
                                "inhalt_text": "Hallo"]
        for (key, value) in extra { body[key] = value }
        return .object(body)
    }

    /// Creates an email; returns its JSON.
    func createEmail(patient: Int, _ extra: JSONObject = JSONObject()) async throws -> JSONValue {
        let response = try await api.call(.post, "/api/emails", json: Self.emailBody(patient: patient, extra))
        guard response.status == 201 else { throw TestSupportError("create failed: \(response.status) \(response.text)") }
        return response.json
    }
}
