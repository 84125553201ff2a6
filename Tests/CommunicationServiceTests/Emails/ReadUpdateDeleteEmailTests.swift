import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("GET/PUT/DELETE /api/emails/{id}")
struct ReadUpdateDeleteEmailTests {
    @Test("unknown and malformed ids are 404 Email not found / route not found")
    func notFound() async throws {
        try await CommunicationFixture.with { f in
            for method in [HTTPMethod.get, .delete] {
                let response = try await f.api.call(method, "/api/emails/2147483000")
                #expect(response.status == 404)
                #expect(response.message == "Email not found")
            }
            let put = try await f.api.call(.put, "/api/emails/2147483000", json: ["status": "Gesendet"])
            #expect(put.status == 404 && put.message == "Email not found")
            #expect(try await f.api.call(.get, "/api/emails/abc").status == 404)
        }
    }

    @Test("PUT to Gesendet sets gesendet_am and records the patient's last contact once")
    func sentUpdatesLastContact() async throws {
        try await CommunicationFixture.with { f in
            let patient = CommunicationFixture.uniqueID()
            let email = try await f.createEmail(patient: patient)
            let sent = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["status": "Gesendet"])
            #expect(sent.status == 200)
            #expect(sent.json["status"]?.stringValue == "Gesendet")
            #expect(sent.json["gesendet_am"]?.stringValue != nil)
            let again = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["status": "Gesendet"])
            #expect(again.json["gesendet_am"] == sent.json["gesendet_am"])
            let patches = f.patient.received.filter { $0.target == "/api/patients/\(patient)/last-contact" }
            #expect(patches.count == 1)
            #expect(patches.first?.json == ["date": .string(LocalDate.localToday().description)])
        }
    }

    @Test("PUT to In_Warteschlange sets in_warteschlange_am; response fields; attachments [] stores none")
    func updateFields() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID(), ["attachments": ["/x.pdf"]])
            let response = try await f.api.call(.put, "/api/emails/\(email.id)", json: [
                "status": "In_Warteschlange", "antwort_erhalten": true, "antwortdatum": "2025-06-09T10:30:00Z",
                "antwortinhalt": "Danke", "fehlermeldung": "keine", "attachments": []])
            #expect(response.status == 200)
            let updated = response.json
            #expect(updated["in_warteschlange_am"]?.stringValue != nil)
            #expect(updated["antwort_erhalten"] == .bool(true))
            #expect(updated["antwortdatum"]?.stringValue == "2025-06-09T10:30:00")
            #expect(updated["antwortinhalt"]?.stringValue == "Danke")
            #expect(updated["fehlermeldung"]?.stringValue == "keine")
            #expect(updated["attachments"] == .array([]))
            #expect(f.patient.received.isEmpty)
            // nulls are ignored (a draft again: the worker suites may send queued emails meanwhile)
            _ = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["status": "Entwurf"])
            let unchanged = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["status": .null, "antwortinhalt": .null])
            #expect(unchanged.json["status"]?.stringValue == "Entwurf")
            #expect(unchanged.json["antwortinhalt"]?.stringValue == "Danke")
        }
    }

    @Test("PUT errors: invalid status, invalid antwortdatum, wrong JSON types")
    func updateErrors() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID())
            let status = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["status": "Weg"])
            #expect(status.status == 400)
            #expect(status.message?.hasPrefix("Invalid status 'Weg'. Valid values: ['Entwurf'") == true)
            let date = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["antwortdatum": "gestern"])
            #expect(date.status == 400 && date.message == "Invalid datetime format for antwortdatum. Use ISO format")
            let flag = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["antwort_erhalten": "ja"])
            #expect(flag.status == 400 && flag.json["message"]?["antwort_erhalten"] != nil)
        }
    }

    @Test("antwortdatum as a date or without seconds, as Python's fromisoformat took it; an empty status is no change")
    func lenientInputs() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID(), ["status": ""])
            #expect(email["status"]?.stringValue == "Entwurf")
            let day = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["antwortdatum": "2025-06-09", "status": ""])
            #expect(day.status == 200 && day.json["antwortdatum"]?.stringValue == "2025-06-09T00:00:00")
            #expect(day.json["status"]?.stringValue == "Entwurf")
            let minutes = try await f.api.call(.put, "/api/emails/\(email.id)", json: ["antwortdatum": "2025-06-09T10:30"])
            #expect(minutes.json["antwortdatum"]?.stringValue == "2025-06-09T10:30:00")
        }
    }

    @Test("DELETE removes the email")
    func deletes() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID())
            let response = try await f.api.call(.delete, "/api/emails/\(email.id)")
            #expect(response.status == 200 && response.message == "Email deleted successfully")
            #expect(try await f.api.call(.get, "/api/emails/\(email.id)").status == 404)
        }
    }

    @Test("double-encoded attachments of migrated rows are read as arrays")
    func readsDoubleEncodedAttachments() {
        #expect(EmailRecord.attachmentPaths(#""[\"/data/a.pdf\"]""#) == ["/data/a.pdf"])
        #expect(EmailRecord.attachmentPaths(#"["/data/a.pdf"]"#) == ["/data/a.pdf"])
        #expect(EmailRecord.attachmentPaths(nil) == [])
        #expect(EmailRecord.attachmentPaths(#""kaputt""#) == [])
        #expect(EmailRecord.iso("2025-06-07 10:11:12.12") == "2025-06-07T10:11:12.120000")
        #expect(EmailRecord.iso("2025-06-07 10:11:12") == "2025-06-07T10:11:12")
    }
}
