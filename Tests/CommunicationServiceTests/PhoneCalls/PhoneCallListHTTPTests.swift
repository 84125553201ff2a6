import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("Phone calls: GET /api/phone-calls")
struct PhoneCallListHTTPTests {
    static let emptyPage: JSONValue = ["data": [], "page": 1, "limit": 20, "total": 0]

    @Test("filters: recipient_type variants, ids, therapeutenanfrage_id, status, geplantes_datum; ordered newest first")
    func filters() async throws {
        try await CommunicationFixture.with { f in
            let therapist = uniquePhoneCallID(), patient = uniquePhoneCallID(), inquiry = uniquePhoneCallID()
            let t = JSONValue.number(String(therapist)), p = JSONValue.number(String(patient))
            let a = try await f.createCall(["therapist_id": t, "geplantes_datum": "2031-06-01", "geplante_zeit": "9:00"])
            let b = try await f.createCall(["therapist_id": t, "geplantes_datum": "2031-06-02", "geplante_zeit": "8:00",
                                            "therapeutenanfrage_id": .number(String(inquiry))])
            let c = try await f.createCall(["therapist_id": t, "geplantes_datum": "2031-06-01", "geplante_zeit": "15:00",
                                            "status": "abgeschlossen"])
            let d = try await f.createCall(["patient_id": p, "geplantes_datum": "2031-06-01", "geplante_zeit": "10:00",
                                            "therapeutenanfrage_id": .number(String(inquiry))])
            func ids(_ query: String) async throws -> [Int] {
                let response = try await f.api.call(.get, "/api/phone-calls?" + query)
                #expect(response.status == 200, "\(query): \(response.text)")
                #expect(response.json["total"]?.intValue == response.json["data"]?.arrayValue?.count, "\(query)")
                return response.json["data"]?.arrayValue?.map(\.id) ?? []
            }
            #expect(try await ids("therapist_id=\(therapist)") == [b.id, c.id, a.id])
            #expect(try await ids("recipient_type=therapist&therapist_id=\(therapist)&patient_id=\(patient)") == [b.id, c.id, a.id])
            #expect(try await ids("recipient_type=patient&patient_id=\(patient)&therapist_id=\(therapist)") == [d.id])
            #expect(try await ids("therapist_id=\(therapist)&patient_id=\(patient)") == [])
            #expect(try await ids("recipient_type=somebody&patient_id=\(patient)") == [d.id])
            #expect(try await ids("therapist_id=abc&patient_id=\(patient)") == [d.id])
            #expect(try await ids("therapeutenanfrage_id=\(inquiry)") == [b.id, d.id])
            #expect(try await ids("therapist_id=\(therapist)&status=abgeschlossen") == [c.id])
            #expect(try await ids("therapist_id=\(therapist)&status=") == [b.id, c.id, a.id])
            #expect(try await ids("therapist_id=\(therapist)&geplantes_datum=2031-06-01") == [c.id, a.id])
            #expect(try await ids("therapist_id=99999999999") == [])
            let therapistsOnly = try await f.api.call(.get, "/api/phone-calls?recipient_type=therapist&limit=50")
            #expect(therapistsOnly.json["data"]?.arrayValue?.allSatisfy { $0["patient_id"] == .null && $0["therapist_id"] != .null } == true)
            let patientsOnly = try await f.api.call(.get, "/api/phone-calls?recipient_type=patient&limit=50")
            #expect(patientsOnly.json["data"]?.arrayValue?.allSatisfy { $0["therapist_id"] == .null && $0["patient_id"] != .null } == true)
            // Each list item equals the single GET.
            let single = try await f.api.call(.get, "/api/phone-calls/\(b.id)")
            let listed = try await f.api.call(.get, "/api/phone-calls?therapist_id=\(therapist)&limit=1")
            #expect(listed.json["data"]?.arrayValue?.first == single.json)
        }
    }

    @Test("an unknown status (⚠ fixed) and an unparsable date answer the fixed empty page")
    func emptyPages() async throws {
        try await CommunicationFixture.with { f in
            for query in ["status=erledigt", "geplantes_datum=morgen&page=3&limit=5", "status=Geplant&limit=7", "geplantes_datum=2031-02-30"] {
                let response = try await f.api.call(.get, "/api/phone-calls?" + query)
                #expect(response.status == 200 && response.json == Self.emptyPage, "\(query)")
            }
        }
    }

    @Test("pagination: page and limit clamped, non-integers fall back, total counts all matches")
    func pagination() async throws {
        try await CommunicationFixture.with { f in
            let therapist = uniquePhoneCallID(), t = JSONValue.number(String(therapist))
            var created: [Int] = []
            for day in 1...5 {
                created.append(try await f.createCall(["therapist_id": t, "geplantes_datum": .string("2032-01-0\(day)"),
                                                       "geplante_zeit": "10:00"]).id)
            }
            let newestFirst = Array(created.reversed())
            func page(_ query: String) async throws -> JSONValue {
                try await f.api.call(.get, "/api/phone-calls?therapist_id=\(therapist)&" + query).json
            }
            let second = try await page("page=2&limit=2")
            #expect(second["data"]?.arrayValue?.map(\.id) == Array(newestFirst[2...3]))
            #expect(second["page"] == 2 && second["limit"] == 2 && second["total"] == 5)
            let beyond = try await page("page=9&limit=2")
            #expect(beyond["data"] == [] && beyond["page"] == 9 && beyond["total"] == 5)
            let last = try await page("page=3&limit=2")
            #expect(last["data"]?.arrayValue?.map(\.id) == [newestFirst[4]] && last["total"] == 5)
            #expect(try await page("limit=0")["limit"] == 1)
            #expect(try await page("limit=2000")["limit"] == 1000)
            let defaults = try await page("page=-1&limit=abc")
            #expect(defaults["page"] == 1 && defaults["limit"] == 20 && defaults["data"]?.arrayValue?.map(\.id) == newestFirst)
        }
    }
}
