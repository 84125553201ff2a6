import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("DELETE /api/therapists/{id} and GET /api/therapists/{id}/communication")
struct DeleteAndHistoryTests {
    static let conflict = "Cannot delete therapist: Therapeutenanfragen exist for this therapist. Please delete all related Therapeutenanfragen first."

    @Test("deletion asks the matching service first and is refused (409) while inquiries exist or it cannot tell")
    func guarded() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist()
            fixture.matching.answer(.get, "/api/therapeutenanfragen", body: #"{"data":[{"id":9}],"page":1,"limit":20,"total":1}"#)
            let refused = try await fixture.api.call(.delete, "/api/therapists/\(therapist.id)")
            #expect(refused.status == 409 && refused.message == Self.conflict)
            #expect(fixture.matching.received.last?.target == "/api/therapeutenanfragen?therapist_id=\(therapist.id)")
            fixture.matching.answer(.get, "/api/therapeutenanfragen", status: .internalServerError, body: "{}")
            #expect(try await fixture.api.call(.delete, "/api/therapists/\(therapist.id)").status == 409)
            fixture.matching.answer(.get, "/api/therapeutenanfragen", body: "not json")
            #expect(try await fixture.api.call(.delete, "/api/therapists/\(therapist.id)").status == 409)
            #expect(try await fixture.api.call(.get, "/api/therapists/\(therapist.id)").status == 200)
            fixture.matching.answer(.get, "/api/therapeutenanfragen", body: #"{"data":[],"page":1,"limit":20,"total":0}"#)
            let deleted = try await fixture.api.call(.delete, "/api/therapists/\(therapist.id)")
            #expect(deleted.status == 200 && deleted.message == "Therapist deleted successfully")
            #expect(try await fixture.api.call(.get, "/api/therapists/\(therapist.id)").status == 404)
            let again = try await fixture.api.call(.delete, "/api/therapists/\(therapist.id)")
            #expect(again.status == 404 && again.message == "Therapist not found")
        }
    }

    @Test("the guard runs before the existence check; an unreachable matching service refuses with 409")
    func guardFirst() async throws {
        try await TherapistFixture.with(environment: ["MATCHING_SERVICE_URL": "http://127.0.0.1:1"]) { fixture in
            let unknown = try await fixture.api.call(.delete, "/api/therapists/2147483000")
            #expect(unknown.status == 409 && unknown.message == Self.conflict)
        }
    }

    @Test("the history merges emails and calls newest first, with name and last contact")
    func history() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist(["titel": "Dr.", "letzter_kontakt_email": "2025-03-01",
                                                               "letzter_kontakt_telefon": "2025-04-01"])
            fixture.communication.answer(.get, "/api/emails", body: """
                {"data":[{"id":1,"betreff":"Anfrage","status":"Gesendet","created_at":"2025-03-01T10:00:00","gesendet_am":"2025-03-02T08:00:00","antwort_erhalten":false}],"page":1,"limit":20,"total":1}
                """)
            fixture.communication.answer(.get, "/api/phone-calls", body: """
                {"data":[{"id":7,"geplantes_datum":"2025-04-01","geplante_zeit":"09:30","status":"abgeschlossen","ergebnis":"erreicht"}],"page":1,"limit":20,"total":1}
                """)
            let response = try await fixture.api.call(.get, "/api/therapists/\(therapist.id)/communication")
            #expect(response.status == 200)
            #expect(response.json.objectValue?.keys == ["therapist_id", "therapist_name", "last_contact", "total_emails", "total_calls", "communications"])
            #expect(response.json["therapist_id"]?.intValue == therapist.id && response.json["therapist_name"] == "Dr. Max Mustermann")
            #expect(response.json["last_contact"] == "2025-04-01" && response.json["total_emails"] == 1 && response.json["total_calls"] == 1)
            let items = response.json["communications"]?.arrayValue ?? []
            #expect(items.map { $0["type"] } == ["phone_call", "email"])
            #expect(items.last?["date"] == "2025-03-02T08:00:00" && items.first?["date"] == "2025-04-01 09:30")
            let targets = Set(fixture.communication.received.map(\.target))
            #expect(targets == ["/api/emails?therapist_id=\(therapist.id)", "/api/phone-calls?therapist_id=\(therapist.id)"])
        }
    }

    @Test("without a title the name is first and last name; unknown therapist is 404; a failing peer is 503")
    func historyErrors() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist(["letzter_kontakt_email": "2025-03-01"])
            let plain = try await fixture.api.call(.get, "/api/therapists/\(therapist.id)/communication")
            #expect(plain.json["therapist_name"] == "Max Mustermann" && plain.json["last_contact"] == "2025-03-01")
            #expect(plain.json["communications"] == [])
            let missing = try await fixture.api.call(.get, "/api/therapists/2147483000/communication")
            #expect(missing.status == 404 && missing.message == "Therapist not found")
            fixture.communication.answer(.get, "/api/emails", body: "not json")
            let failed = try await fixture.api.call(.get, "/api/therapists/\(therapist.id)/communication")
            #expect(failed.status == 503 && failed.message?.hasPrefix("Error fetching communication history: ") == true)
        }
    }
}
