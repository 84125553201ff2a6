import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("Phone calls: PUT and DELETE /api/phone-calls/{id}")
struct PhoneCallUpdateHTTPTests {
    @Test("PUT sets every field, ignores nulls, keeps the recipient and answers what GET answers")
    func updatesFields() async throws {
        try await CommunicationFixture.with { f in
            let therapist = uniquePhoneCallID()
            let call = try await f.createCall(["therapist_id": .number(String(therapist)), "geplantes_datum": "2031-02-01",
                                               "geplante_zeit": "11:00", "notizen": "vorher", "therapeutenanfrage_id": 77])
            let response = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: [
                "geplantes_datum": "2031-02-03", "geplante_zeit": "8:30", "dauer_minuten": 12,
                "tatsaechliches_datum": "2031-02-04T09:00:00", "tatsaechliche_zeit": "9:7", "status": "fehlgeschlagen",
                "ergebnis": "nicht erreicht", "notizen": .null, "therapeutenanfrage_id": 78, "therapist_id": 1, "unknown": true,
            ])
            #expect(response.status == 200, "\(response.text)")
            let body = response.json
            #expect(body["geplantes_datum"] == "2031-02-03" && body["geplante_zeit"] == "08:30" && body["dauer_minuten"] == 12)
            #expect(body["tatsaechliches_datum"] == "2031-02-04" && body["tatsaechliche_zeit"] == "09:07")
            #expect(body["status"] == "fehlgeschlagen" && body["ergebnis"] == "nicht erreicht" && body["notizen"] == "vorher")
            #expect(body["therapeutenanfrage_id"] == 78 && body["therapist_id"]?.intValue == therapist)
            #expect(body["created_at"] == call["created_at"] && isRFC822(body["updated_at"]))
            let read = try await f.api.call(.get, "/api/phone-calls/\(call.id)")
            #expect(read.body == response.body)
            let cleared = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["notizen": "", "ergebnis": ""])
            #expect(cleared.json["notizen"] == "" && cleared.json["ergebnis"] == "" && cleared.json["status"] == "fehlgeschlagen")
            let empty = try await f.api.call(.put, "/api/phone-calls/\(call.id)", "")
            #expect(empty.status == 200 && empty.json["geplante_zeit"] == "08:30")
        }
    }

    @Test("every error message of PUT; type errors before the existence check, values after it")
    func errors() async throws {
        try await CommunicationFixture.with { f in
            let call = try await f.createCall(["patient_id": .number(String(uniquePhoneCallID()))])
            let cases: [(JSONValue, String)] = [
                (["status": "erledigt"], "Invalid status value: erledigt"),
                (["geplantes_datum": "31.12.2031"], "Invalid date format for geplantes_datum: 31.12.2031"),
                (["tatsaechliches_datum": "gestern"], "Invalid date format for tatsaechliches_datum: gestern"),
                (["geplante_zeit": "10 Uhr"], "Invalid time format for geplante_zeit: 10 Uhr"),
                (["tatsaechliche_zeit": "10:00:00"], "Invalid time format for tatsaechliche_zeit: 10:00:00"),
            ]
            for (body, message) in cases {
                let response = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: body)
                #expect(response.status == 400 && response.message == message, "\(response.text)")
            }
            let unchanged = try await f.api.call(.get, "/api/phone-calls/\(call.id)")
            #expect(unchanged.json["updated_at"] == .null && unchanged.json["status"] == "geplant")
            let typeError = try await f.api.call(.put, "/api/phone-calls/2147483647", json: ["dauer_minuten": "lang"])
            #expect(typeError.status == 400 && typeError.json["message"] == ["dauer_minuten": "invalid literal for int() with base 10: 'lang'"])
            let missing = try await f.api.call(.put, "/api/phone-calls/2147483647", json: ["status": "erledigt"])
            #expect(missing.status == 404 && missing.message == "Phone call not found")
            let malformed = try await f.api.call(.put, "/api/phone-calls/x", json: ["status": "geplant"])
            #expect(malformed.status == 404 && malformed.message == Problem.routeNotFound.message)
        }
    }

    @Test("the patient's last contact is recorded exactly on the change to abgeschlossen")
    func lastContact() async throws {
        try await CommunicationFixture.with { f in
            let patient = uniquePhoneCallID()
            let call = try await f.createCall(["patient_id": .number(String(patient))])
            _ = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["ergebnis": "besetzt", "status": "fehlgeschlagen"])
            #expect(f.lastContactPatches(patient).isEmpty)
            let done = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["status": "abgeschlossen"])
            #expect(done.status == 200 && done.json["tatsaechliches_datum"] == .null)
            let patches = f.lastContactPatches(patient)
            #expect(patches.count == 1)
            #expect(patches.first?.json == ["date": .string(LocalDate.localToday().description)])
            // Already abgeschlossen: no second contact.
            _ = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["status": "abgeschlossen", "ergebnis": "ok"])
            _ = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["notizen": "n"])
            #expect(f.lastContactPatches(patient).count == 1)
            // Created as abgeschlossen: no transition, no contact.
            let created = try await f.createCall(["patient_id": .number(String(patient)), "status": "abgeschlossen"])
            _ = try await f.api.call(.put, "/api/phone-calls/\(created.id)", json: ["status": "abgeschlossen"])
            #expect(f.lastContactPatches(patient).count == 1)
            // Back and forth again: a new transition records again.
            _ = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["status": "geplant"])
            _ = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["status": "abgeschlossen"])
            #expect(f.lastContactPatches(patient).count == 2)
        }
    }

    @Test("therapist calls never touch the patient service; a failing patient service does not fail the PUT")
    func noContactForTherapists() async throws {
        try await CommunicationFixture.with { f in
            let before = f.patient.received.count
            let call = try await f.createCall(["therapist_id": .number(String(uniquePhoneCallID())), "geplante_zeit": "12:00"])
            let done = try await f.api.call(.put, "/api/phone-calls/\(call.id)", json: ["status": "abgeschlossen"])
            #expect(done.status == 200)
            #expect(f.patient.received.count == before)
            f.patient.answer(.patch, "*", status: .internalServerError, body: #"{"message":"boom"}"#)
            let patient = uniquePhoneCallID()
            let patientCall = try await f.createCall(["patient_id": .number(String(patient))])
            let failing = try await f.api.call(.put, "/api/phone-calls/\(patientCall.id)", json: ["status": "abgeschlossen"])
            #expect(failing.status == 200 && failing.json["status"] == "abgeschlossen")
            #expect(f.lastContactPatches(patient).count == 1)
        }
    }

    @Test("DELETE removes the call; unknown and malformed ids are 404")
    func delete() async throws {
        try await CommunicationFixture.with { f in
            let call = try await f.createCall(["patient_id": .number(String(uniquePhoneCallID()))])
            let deleted = try await f.api.call(.delete, "/api/phone-calls/\(call.id)")
            #expect(deleted.status == 200 && deleted.message == "Phone call deleted successfully")
            #expect(try await f.api.call(.get, "/api/phone-calls/\(call.id)").status == 404)
            let again = try await f.api.call(.delete, "/api/phone-calls/\(call.id)")
            #expect(again.status == 404 && again.message == "Phone call not found")
            let malformed = try await f.api.call(.delete, "/api/phone-calls/abc")
            #expect(malformed.status == 404 && malformed.message == Problem.routeNotFound.message)
        }
    }
}
