import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("DELETE /api/patients/{id} and PATCH /api/patients/{id}/last-contact")
struct DeleteAndContactTests {
    @Test("deletion asks the matching service and is refused while any Platzsuche exists")
    func guarded() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient()
            fixture.matching.answer(.get, "/api/platzsuchen", body: #"{"data":[{"id":1},{"id":2}],"page":1,"limit":20,"total":2}"#)
            let refused = try await fixture.api.call(.delete, "/api/patients/\(patient.id)")
            #expect(refused.status == 400)
            #expect(refused.message == "Cannot delete patient: Active search exists. Please delete the search first.")
            #expect(refused.json["existing_searches"] == 2)
            #expect(fixture.matching.received.last?.target == "/api/platzsuchen?patient_id=\(patient.id)")
            fixture.matching.answer(.get, "/api/platzsuchen", status: .internalServerError, body: "{}")
            let unverified = try await fixture.api.call(.delete, "/api/patients/\(patient.id)")
            #expect(unverified.status == 503)
            #expect(unverified.message == "Cannot verify if patient has active searches. Please try again later.")
            fixture.matching.answer(.get, "/api/platzsuchen", body: #"{"data":[],"page":1,"limit":20,"total":0}"#)
            let deleted = try await fixture.api.call(.delete, "/api/patients/\(patient.id)")
            #expect(deleted.status == 200 && deleted.message == "Patient deleted successfully")
            #expect(try await fixture.api.call(.get, "/api/patients/\(patient.id)").status == 404)
            #expect(try await fixture.api.call(.delete, "/api/patients/\(patient.id)").message == "Patient not found")
        }
    }

    @Test("an unreachable matching service refuses deletion with 503 and the error")
    func matchingDown() async throws {
        try await PatientFixture.with(environment: ["MATCHING_SERVICE_URL": "http://127.0.0.1:1"]) { fixture in
            let patient = try await fixture.createPatient()
            let response = try await fixture.api.call(.delete, "/api/patients/\(patient.id)")
            #expect(response.status == 503)
            #expect(response.message?.hasPrefix("Cannot verify if patient has active searches: ") == true)
            #expect(try await fixture.api.call(.get, "/api/patients/\(patient.id)").status == 200)
        }
    }

    @Test("last-contact defaults to today, takes a date, and rejects other formats")
    func lastContact() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient()
            let today = try await fixture.api.call(.patch, "/api/patients/\(patient.id)/last-contact")
            #expect(today.status == 200)
            #expect(today.json == ["message": "Last contact updated", "letzter_kontakt": .string(LocalDate.today().description)])
            let given = try await fixture.api.call(.patch, "/api/patients/\(patient.id)/last-contact", #"{"date":"2025-06-01"}"#)
            #expect(given.json["letzter_kontakt"] == "2025-06-01")
            let stored = try await fixture.api.call(.get, "/api/patients/\(patient.id)")
            #expect(stored.json["letzter_kontakt"] == "2025-06-01")
            #expect(stored.json["updated_at"] == .string(LocalDate.today().description))
            let empty = try await fixture.api.call(.patch, "/api/patients/\(patient.id)/last-contact", #"{"date":""}"#)
            #expect(empty.json["letzter_kontakt"] == .string(LocalDate.today().description))
            for bad in [#"{"date":"01.06.2025"}"#, #"{"date":20250601}"#, #"{"date":"2025-13-01"}"#] {
                let response = try await fixture.api.call(.patch, "/api/patients/\(patient.id)/last-contact", bad)
                #expect(response.status == 400 && response.message == "Invalid date format. Use YYYY-MM-DD", "\(bad)")
            }
            let missing = try await fixture.api.call(.patch, "/api/patients/2147483000/last-contact", #"{"date":"bad"}"#)
            #expect(missing.status == 404 && missing.message == "Patient not found")
        }
    }
}
