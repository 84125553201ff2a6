import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("GET /api/emails")
struct ListEmailTests {
    @Test("per patient, newest first, paged with total")
    func perPatientNewestFirst() async throws {
        try await CommunicationFixture.with { f in
            let patient = CommunicationFixture.uniqueID()
            var ids: [Int] = []
            for _ in 0..<3 { ids.append(try await f.createEmail(patient: patient).id) }
            let page = try await f.api.call(.get, "/api/emails?patient_id=\(patient)&limit=2")
            #expect(page.status == 200)
            #expect(page.json["data"]?.arrayValue?.map(\.id) == [ids[2], ids[1]])
            #expect(page.json["total"]?.intValue == 3)
            #expect(page.json["limit"]?.intValue == 2 && page.json["page"]?.intValue == 1)
            let second = try await f.api.call(.get, "/api/emails?patient_id=\(patient)&limit=2&page=2")
            #expect(second.json["data"]?.arrayValue?.map(\.id) == [ids[0]])
        }
    }

    @Test("filters: status, recipient_type, therapist_id; unknown status gives the fixed empty page")
    func filters() async throws {
        try await CommunicationFixture.with { f in
            let patient = CommunicationFixture.uniqueID(), therapist = CommunicationFixture.uniqueID()
            let draft = try await f.createEmail(patient: patient)
            let sent = try await f.createEmail(patient: patient, ["status": "Gesendet"])
            var body = CommunicationFixture.emailBody(patient: 0).objectValue!
            body["patient_id"] = nil
            body["therapist_id"] = .number(String(therapist))
            let forTherapist = try await f.api.call(.post, "/api/emails", json: .object(body)).json
            let gesendet = try await f.api.call(.get, "/api/emails?patient_id=\(patient)&status=Gesendet")
            #expect(gesendet.json["data"]?.arrayValue?.map(\.id) == [sent.id])
            let therapists = try await f.api.call(.get, "/api/emails?therapist_id=\(therapist)&recipient_type=therapist")
            #expect(therapists.json["data"]?.arrayValue?.map(\.id) == [forTherapist.id])
            let none = try await f.api.call(.get, "/api/emails?therapist_id=\(therapist)&recipient_type=patient")
            #expect(none.json["data"]?.arrayValue?.isEmpty == true)
            let unknown = try await f.api.call(.get, "/api/emails?status=Quatsch")
            #expect(unknown.text == #"{"data":[],"page":1,"limit":20,"total":0}"#)
            let ignored = try await f.api.call(.get, "/api/emails?patient_id=\(patient)&therapist_id=abc")
            #expect(ignored.json["total"]?.intValue == 2)
            #expect(ignored.json["data"]?.arrayValue?.map(\.id) == [sent.id, draft.id])
            for huge in ["99999999999", "99999999999999999999999"] {
                let response = try await f.api.call(.get, "/api/emails?patient_id=\(huge)")
                #expect(response.status == 200 && response.json["total"]?.intValue == 0)
            }
        }
    }
}
