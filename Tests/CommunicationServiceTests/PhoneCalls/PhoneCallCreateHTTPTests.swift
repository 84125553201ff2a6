import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("Phone calls: POST /api/phone-calls and GET /api/phone-calls/{id}")
struct PhoneCallCreateHTTPTests {
    let today = LocalDate.localToday()

    @Test("a therapist call without date and time: day after tomorrow at 10:00, then 14:00, then no slot")
    func slotFinder() async throws {
        try await CommunicationFixture.with { f in
            let therapist = uniquePhoneCallID()
            let first = try await f.createCall(["therapist_id": .number(String(therapist))])
            let dayAfterTomorrow = today.plusDays(2).description
            #expect(first["geplantes_datum"] == .string(dayAfterTomorrow) && first["geplante_zeit"] == "10:00")
            #expect(first["therapist_id"]?.intValue == therapist && first["patient_id"] == .null)
            #expect(first["dauer_minuten"] == 5 && first["status"] == "geplant" && first["therapeutenanfrage_id"] == .null)
            #expect(first["tatsaechliches_datum"] == .null && first["tatsaechliche_zeit"] == .null)
            #expect(first["ergebnis"] == .null && first["notizen"] == .null)
            #expect(isRFC822(first["created_at"]) && first["updated_at"] == .null)
            let keys = try #require(first.objectValue?.keys)
            #expect(keys == PhoneCallRecord.layout.keys)
            let second = try await f.createCall(["therapist_id": .number(String(therapist))])
            #expect(second["geplantes_datum"] == .string(dayAfterTomorrow) && second["geplante_zeit"] == "14:00")
            let third = try await f.api.call(.post, "/api/phone-calls", json: ["therapist_id": .number(String(therapist))])
            #expect(third.status == 400 && third.message == "No available slots found for this therapist")
            #expect(third.json["error"] == "No available slots found for this therapist")
            // A cancelled call frees its slot.
            let cancel = try await f.api.call(.put, "/api/phone-calls/\(first.id)", json: ["status": "abgebrochen"])
            #expect(cancel.status == 200)
            let fourth = try await f.createCall(["therapist_id": .number(String(therapist))])
            #expect(fourth["geplantes_datum"] == .string(dayAfterTomorrow) && fourth["geplante_zeit"] == "10:00")
            // Calls of other therapists, at other times or on other days do not block.
            let other = try await f.createCall(["therapist_id": .number(String(uniquePhoneCallID()))])
            #expect(other["geplante_zeit"] == "10:00")
        }
    }

    @Test("an explicit date without time is shifted by one day (kept ⚠); with a time it is used as is")
    func explicitDate() async throws {
        try await CommunicationFixture.with { f in
            let therapist = JSONValue.number(String(uniquePhoneCallID()))
            let shifted = try await f.createCall(["therapist_id": therapist, "geplantes_datum": "2031-03-31"])
            #expect(shifted["geplantes_datum"] == "2031-04-01" && shifted["geplante_zeit"] == "10:00")
            let blockedByExplicit = try await f.createCall(["therapist_id": therapist, "geplantes_datum": "2031-04-02",
                                                            "geplante_zeit": "10:00"])
            #expect(blockedByExplicit["geplantes_datum"] == "2031-04-02")
            let next = try await f.createCall(["therapist_id": therapist, "geplantes_datum": "2031-04-01"])
            #expect(next["geplantes_datum"] == "2031-04-02" && next["geplante_zeit"] == "14:00")
            let timed = try await f.createCall(["therapist_id": therapist, "geplantes_datum": "2031-05-06T17:45:00",
                                                "geplante_zeit": "9:5", "dauer_minuten": 30, "status": "fehlgeschlagen",
                                                "notizen": "Rückruf erbeten", "therapeutenanfrage_id": 4711])
            #expect(timed["geplantes_datum"] == "2031-05-06" && timed["geplante_zeit"] == "09:05")
            #expect(timed["dauer_minuten"] == 30 && timed["status"] == "fehlgeschlagen" && timed["notizen"] == "Rückruf erbeten")
            #expect(timed["therapeutenanfrage_id"] == 4711)
        }
    }

    @Test("patient calls: tomorrow at 10:00 without a slot check, 5 minutes become 10")
    func patientCalls() async throws {
        try await CommunicationFixture.with { f in
            let patient = JSONValue.number(String(uniquePhoneCallID()))
            let first = try await f.createCall(["patient_id": patient])
            #expect(first["geplantes_datum"] == .string(today.plusDays(1).description) && first["geplante_zeit"] == "10:00")
            #expect(first["dauer_minuten"] == 10 && first["therapist_id"] == .null && first["patient_id"] == patient)
            let second = try await f.createCall(["patient_id": patient, "dauer_minuten": 5])
            #expect(second["geplante_zeit"] == "10:00" && second["dauer_minuten"] == 10)
            let third = try await f.createCall(["patient_id": patient, "dauer_minuten": 20, "geplantes_datum": "2031-01-15",
                                                "therapist_id": 0])
            #expect(third["geplantes_datum"] == "2031-01-15" && third["dauer_minuten"] == 20)
        }
    }

    @Test("every error message of POST")
    func errors() async throws {
        try await CommunicationFixture.with { f in
            func post(_ body: String) async throws -> APIResponse { try await f.api.call(.post, "/api/phone-calls", body) }
            let cases: [(String, String)] = [
                ("{}", "Either therapist_id or patient_id is required"),
                (#"{"therapist_id":0}"#, "Either therapist_id or patient_id is required"),
                (#"{"therapist_id":1,"patient_id":2}"#, "Cannot specify both therapist_id and patient_id"),
                (#"{"therapist_id":1,"geplantes_datum":"01.07.2031"}"#, "Invalid date format: 01.07.2031"),
                (#"{"therapist_id":1,"geplante_zeit":"10"}"#, "Invalid time format: 10"),
                (#"{"patient_id":1,"geplante_zeit":"25:00"}"#, "Invalid time format: 25:00"),
                (#"{"patient_id":1,"status":"offen"}"#, "Invalid status value: offen"),
                (#"{"patient_id":-5}"#, "patient_id: must be between 0 and 2147483647"),
            ]
            for (body, message) in cases {
                let response = try await post(body)
                #expect(response.status == 400 && response.message == message, "\(body) → \(response.text)")
            }
            let typeError = try await post(#"{"therapist_id":"abc"}"#)
            #expect(typeError.status == 400)
            #expect(typeError.json["message"] == ["therapist_id": "invalid literal for int() with base 10: 'abc'"])
            let notJSON = try await post("{")
            #expect(notJSON.status == 400)
        }
    }

    @Test("GET returns the stored object byte for byte; unknown and malformed ids are 404")
    func read() async throws {
        try await CommunicationFixture.with { f in
            let created = try await f.api.call(.post, "/api/phone-calls",
                                               json: ["patient_id": .number(String(uniquePhoneCallID())), "notizen": "x"])
            #expect(created.status == 201)
            let read = try await f.api.call(.get, "/api/phone-calls/\(created.json.id)")
            #expect(read.status == 200 && read.body == created.body)
            let missing = try await f.api.call(.get, "/api/phone-calls/2147483647")
            #expect(missing.status == 404 && missing.message == "Phone call not found")
            for path in ["abc", "-1", "1.5", "99999999999"] {
                let malformed = try await f.api.call(.get, "/api/phone-calls/\(path)")
                #expect(malformed.status == 404 && malformed.message == Problem.routeNotFound.message, "\(path)")
            }
        }
    }

    @Test("N concurrent creates for one therapist without time: one 10:00, one 14:00, the rest 400")
    func concurrentSlots() async throws {
        try await CommunicationFixture.with { f in
            let therapist = JSONValue.number(String(uniquePhoneCallID()))
            let responses = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await f.api.call(.post, "/api/phone-calls", json: ["therapist_id": therapist]) }
                }
                var all: [APIResponse] = []
                for try await response in group { all.append(response) }
                return all
            }
            let created = responses.filter { $0.status == 201 }
            #expect(created.compactMap { $0.json["geplante_zeit"]?.stringValue }.sorted() == ["10:00", "14:00"])
            let refused = responses.filter { $0.status == 400 }
            #expect(refused.count == 6)
            #expect(refused.allSatisfy { $0.message == "No available slots found for this therapist" })
        }
    }
}
