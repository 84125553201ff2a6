import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("GET /api/patients/{id}/communication")
struct CommunicationHistoryHTTPTests {
    @Test("emails and calls are merged newest first with the spec's item shapes")
    func merged() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient()
            _ = try await fixture.api.call(.patch, "/api/patients/\(patient.id)/last-contact", #"{"date":"2025-06-02"}"#)
            fixture.communication.answer(.get, "/api/emails", body: """
                {"data":[{"id":11,"betreff":"A","status":"Gesendet","antwort_erhalten":false,"gesendet_am":"2025-06-01T10:00:00","created_at":"2025-05-30T09:00:00"},
                         {"id":12,"betreff":"B","status":"Entwurf","antwort_erhalten":false,"gesendet_am":null,"created_at":"2025-06-03T08:00:00"}],
                 "page":1,"limit":20,"total":2}
                """)
            fixture.communication.answer(.get, "/api/phone-calls", body: """
                {"data":[{"id":21,"geplantes_datum":"2025-06-02","geplante_zeit":"14:30","status":"geplant","ergebnis":null}],"page":1,"limit":20,"total":1}
                """)
            let response = try await fixture.api.call(.get, "/api/patients/\(patient.id)/communication")
            #expect(response.status == 200)
            #expect(response.json["patient_id"]?.intValue == patient.id && response.json["patient_name"] == "Erika Musterfrau")
            #expect(response.json["last_contact"] == "2025-06-02")
            #expect(response.json["total_emails"] == 2 && response.json["total_calls"] == 1)
            let items = try #require(response.json["communications"]?.arrayValue)
            #expect(items.map { $0["id"] } == [12, 21, 11])
            #expect(items[0]["type"] == "email" && items[0]["date"] == "2025-06-03T08:00:00" && items[0]["subject"] == "B")
            #expect(items[1]["type"] == "phone_call" && items[1]["date"] == "2025-06-02 14:30" && items[1]["outcome"] == .null)
            #expect(items[2]["response_received"] == false && items[2]["data"]?["betreff"] == "A")
            let targets = fixture.communication.received.map(\.target)
            #expect(targets.contains("/api/emails?patient_id=\(patient.id)") && targets.contains("/api/phone-calls?patient_id=\(patient.id)"))
        }
    }

    @Test("a non-OK answer counts as an empty list; an unreachable service is a 503 with the reason")
    func failures() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient()
            fixture.communication.answer(.get, "/api/emails", status: .internalServerError, body: "{}")
            let partial = try await fixture.api.call(.get, "/api/patients/\(patient.id)/communication")
            #expect(partial.status == 200 && partial.json["total_emails"] == 0 && partial.json["communications"] == [])
            #expect(try await fixture.api.call(.get, "/api/patients/2147483000/communication").status == 404)
            fixture.communication.answer(.get, "/api/phone-calls", status: .notFound, body: #"{"message":"The requested URL was not found on the server."}"#)
            let missing = try await fixture.api.call(.get, "/api/patients/\(patient.id)/communication")
            #expect(missing.status == 503)
            #expect(missing.message == "Error fetching communication history: communication service does not serve /api/phone-calls (404)")
        }
        try await PatientFixture.with(environment: ["COMMUNICATION_SERVICE_URL": "http://127.0.0.1:1"]) { fixture in
            let patient = try await fixture.createPatient()
            let response = try await fixture.api.call(.get, "/api/patients/\(patient.id)/communication")
            #expect(response.status == 503)
            #expect(response.message?.hasPrefix("Error fetching communication history: ") == true)
        }
    }
}
