import Foundation
import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("GET /api/patients and /api/patients/{id}")
struct ReadListPatientTests {
    @Test("an unknown id is 404 'Patient not found'; a non-integer or out-of-range id does not match the route")
    func notFound() async throws {
        try await PatientFixture.with { fixture in
            let missing = try await fixture.api.call(.get, "/api/patients/2147483000")
            #expect(missing.status == 404 && missing.message == "Patient not found")
            for path in ["/api/patients/abc", "/api/patients/-1", "/api/patients/1.5", "/api/patients/99999999999", "/api/patients/"] {
                let response = try await fixture.api.call(.get, path)
                #expect(response.status == 404, "\(path)")
                #expect(response.message?.hasPrefix("The requested URL was not found on the server.") == true, "\(path)")
            }
        }
    }

    @Test("search matches vorname, nachname or email case-insensitively; status filters; ordered by id")
    func searchAndFilter() async throws {
        try await PatientFixture.with { fixture in
            let token = "Zq" + UUID().uuidString.prefix(8).replacingOccurrences(of: "-", with: "")
            let a = try await fixture.createPatient(["vorname": .string(token + "anna")])
            let b = try await fixture.createPatient(["nachname": .string("X" + token.lowercased())])
            let c = try await fixture.createPatient(["email": .string(token.uppercased() + "@example.com"), "status": "auf_der_Suche"])
            _ = try await fixture.createPatient(["vorname": "Unrelated"])
            let all = try await fixture.api.call(.get, "/api/patients?search=%20\(token)%20")
            #expect(all.status == 200)
            #expect(all.json["data"]?.arrayValue?.map(\.id) == [a.id, b.id, c.id])
            #expect(all.json["total"] == 3 && all.json["page"] == 1 && all.json["limit"] == 20)
            let searching = try await fixture.api.call(.get, "/api/patients?search=\(token)&status=auf_der_Suche")
            #expect(searching.json["data"]?.arrayValue?.map(\.id) == [c.id])
            let emptyStatus = try await fixture.api.call(.get, "/api/patients?search=\(token)&status=")
            #expect(emptyStatus.json["data"]?.arrayValue?.map(\.id) == [a.id, b.id, c.id], "an empty status is no filter")
            let paged = try await fixture.api.call(.get, "/api/patients?search=\(token)&limit=2&page=2")
            #expect(paged.json["data"]?.arrayValue?.map(\.id) == [c.id])
            #expect(paged.json["total"] == 3 && paged.json["page"] == 2 && paged.json["limit"] == 2)
            let beyond = try await fixture.api.call(.get, "/api/patients?search=\(token)&page=9")
            #expect(beyond.json["data"] == [] && beyond.json["total"] == 3)
        }
    }

    @Test("wildcards in the search text match literally")
    func literalWildcards() async throws {
        try await PatientFixture.with { fixture in
            let token = "W" + UUID().uuidString.prefix(6)
            let percent = try await fixture.createPatient(["nachname": .string(token + "100%")])
            _ = try await fixture.createPatient(["nachname": .string(token + "1000")])
            let response = try await fixture.api.call(.get, "/api/patients?search=\(token)100%25")
            #expect(response.json["data"]?.arrayValue?.map(\.id) == [percent.id])
        }
    }

    @Test("page and limit are clamped like the original", arguments: [
        ("limit=2000", 1, 1000), ("limit=0", 1, 1), ("page=-1", 1, 20), ("page=abc&limit=x", 1, 20),
        ("page=3&limit=7", 3, 7), ("page=99999999999999999999", 1, 20),
    ])
    func clamps(query: String, page: Int, limit: Int) async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.get, "/api/patients?\(query)")
            #expect(response.status == 200)
            #expect(response.json["page"]?.intValue == page && response.json["limit"]?.intValue == limit)
        }
    }

    @Test("an unknown status gives the fixed empty page")
    func unknownStatus() async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.get, "/api/patients?status=erledigt&page=4&limit=3")
            #expect(response.status == 200)
            #expect(response.text == #"{"data":[],"page":1,"limit":20,"total":0}"#)
        }
    }

    @Test("a huge page number answers an empty page instead of failing")
    func hugePage() async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.get, "/api/patients?page=9223372036854775807&limit=1000")
            #expect(response.status == 200)
            #expect(response.json["data"] == [])
        }
    }
}
