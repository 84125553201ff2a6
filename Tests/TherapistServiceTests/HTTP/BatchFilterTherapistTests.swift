import Foundation
import Testing
import Shared
import TestSupport
@testable import TherapistService

/// The extension for the matching service: `ids` on `GET /api/therapists`.
@Suite("GET /api/therapists ids filter")
struct BatchFilterTherapistTests {
    @Test("ids selects exact ids in id order and combines with the other filters")
    func filters() async throws {
        try await TherapistFixture.with { fixture in
            let prefix = ReadListTherapistTests.uniquePrefix()
            let a = try await fixture.createTherapist(["plz": .string(prefix + "1")])
            let b = try await fixture.createTherapist(["plz": .string(prefix + "2"), "status": "gesperrt"])
            let c = try await fixture.createTherapist(["plz": .string("X" + prefix)])
            func ids(_ query: String) async throws -> [Int] {
                let response = try await fixture.api.call(.get, "/api/therapists?\(query)")
                #expect(response.status == 200, "\(query)")
                #expect(response.json["total"]?.intValue == response.json["data"]?.arrayValue?.count, "\(query)")
                return response.json["data"]?.arrayValue?.map(\.id) ?? []
            }
            #expect(try await ids("ids=\(c.id),\(a.id),%20\(b.id)%20,2147483000,99999999999") == [a.id, b.id, c.id])
            #expect(try await ids("ids=\(a.id),\(b.id),\(c.id)&plz_prefix=\(prefix)") == [a.id, b.id])
            #expect(try await ids("ids=\(a.id),\(b.id),\(c.id)&status=aktiv") == [a.id, c.id])
            let paged = try await fixture.api.call(.get, "/api/therapists?ids=\(a.id),\(b.id),\(c.id)&limit=2&page=2")
            #expect(paged.json["data"]?.arrayValue?.map(\.id) == [c.id] && paged.json["total"] == 3)
        }
    }

    @Test("a non-integer element or more than 1000 ids is a 400; 1000 seven-digit ids fit the request line")
    func limits() async throws {
        try await TherapistFixture.with { fixture in
            for query in ["ids=1,x", "ids=", "ids=1,,2"] {
                let response = try await fixture.api.call(.get, "/api/therapists?\(query)")
                #expect(response.status == 400 && response.message == "Invalid ids parameter. Use comma-separated integers.")
            }
            let many = try await fixture.api.call(.get, "/api/therapists?ids=" + (1...1001).map(String.init).joined(separator: ","))
            #expect(many.status == 400 && many.message == "Too many ids (max 1000).")
            let a = try await fixture.createTherapist()
            let ids = [a.id] + (9_999_001...9_999_999).map { $0 }
            let response = try await fixture.api.call(.get, "/api/therapists?ids=" + ids.map(String.init).joined(separator: ","))
            #expect(response.status == 200 && response.json["data"]?.arrayValue?.map(\.id) == [a.id])
        }
    }
}
