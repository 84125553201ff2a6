import Foundation
import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("GET /api/therapists and GET /api/therapists/{id}")
struct ReadListTherapistTests {
    /// A PLZ prefix no other test uses: 9 digits from a fresh UUID, so lists see only this test's rows.
    static func uniquePrefix() -> String {
        String(UUID().uuidString.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init).prefix(7))
            .padding(toLength: 7, withPad: "0", startingAt: 0)
    }

    @Test("reading an unknown id is 404 Therapist not found; malformed ids are unknown routes")
    func notFound() async throws {
        try await TherapistFixture.with { fixture in
            let missing = try await fixture.api.call(.get, "/api/therapists/2147483000")
            #expect(missing.status == 404 && missing.message == "Therapist not found")
            for bad in ["abc", "-1", "1.5", "99999999999"] {
                let response = try await fixture.api.call(.get, "/api/therapists/\(bad)")
                #expect(response.status == 404 && response.message == Problem.routeNotFound.message, "\(bad)")
            }
            #expect(try await fixture.api.call(.get, "/api/therapists/").status == 404)
        }
    }

    @Test("filters combine: status, potenziell_verfuegbar, plz_prefix, search by name and therapy method")
    func filters() async throws {
        try await TherapistFixture.with { fixture in
            let prefix = Self.uniquePrefix()
            let a = try await fixture.createTherapist(["plz": .string(prefix + "1"), "vorname": "Anna", "nachname": "Zettel",
                                                       "potenziell_verfuegbar": true, "psychotherapieverfahren": "Verhaltenstherapie"])
            let b = try await fixture.createTherapist(["plz": .string(prefix + "2"), "vorname": "Bert", "nachname": "Yak",
                                                       "psychotherapieverfahren": "tiefenpsychologisch_fundierte_Psychotherapie"])
            let c = try await fixture.createTherapist(["plz": .string(prefix + "3"), "vorname": "Carl", "nachname": "Xenon",
                                                       "status": "gesperrt"])
            func ids(_ query: String) async throws -> [Int] {
                let response = try await fixture.api.call(.get, "/api/therapists?plz_prefix=\(prefix)&\(query)")
                #expect(response.status == 200, "\(query)")
                #expect(response.json["total"]?.intValue == response.json["data"]?.arrayValue?.count, "\(query)")
                return response.json["data"]?.arrayValue?.map(\.id) ?? []
            }
            #expect(try await ids("limit=1000") == [a.id, b.id, c.id])
            #expect(try await ids("status=aktiv") == [a.id, b.id])
            #expect(try await ids("status=gesperrt") == [c.id])
            #expect(try await ids("status=") == [a.id, b.id, c.id], "an empty status is no filter")
            #expect(try await ids("potenziell_verfuegbar=%20TRUE%20") == [a.id])
            #expect(try await ids("potenziell_verfuegbar=false") == [b.id, c.id])
            #expect(try await ids("search=zett") == [a.id])
            #expect(try await ids("search=%20ber%20") == [b.id])
            #expect(try await ids("search=verhaltens") == [a.id])
            #expect(try await ids("search=tiefen") == [b.id])
            #expect(try await ids("search=nobody") == [])
            #expect(try await ids("status=aktiv&search=Yak&potenziell_verfuegbar=false") == [b.id])
            let trimmed = try await fixture.api.call(.get, "/api/therapists?plz_prefix=%20\(prefix)3%20")
            #expect(trimmed.json["data"]?.arrayValue?.map(\.id) == [c.id], "plz_prefix is trimmed")
        }
    }

    @Test("an unknown status is the fixed empty page; a bad boolean is a 400")
    func badFilters() async throws {
        try await TherapistFixture.with { fixture in
            let empty = try await fixture.api.call(.get, "/api/therapists?status=weg&page=3&limit=5")
            #expect(empty.status == 200 && empty.json == ["data": [], "page": 1, "limit": 20, "total": 0])
            let flag = try await fixture.api.call(.get, "/api/therapists?potenziell_verfuegbar=yes")
            #expect(flag.status == 400 && flag.message == "Invalid boolean value 'yes'. Use 'true' or 'false'.")
        }
    }

    @Test("pagination clamps page and limit, and counts the total before paging")
    func pagination() async throws {
        try await TherapistFixture.with { fixture in
            let prefix = Self.uniquePrefix()
            var created: [Int] = []
            for index in 0..<5 { created.append(try await fixture.createTherapist(["plz": .string(prefix + String(index))]).id) }
            let page2 = try await fixture.api.call(.get, "/api/therapists?plz_prefix=\(prefix)&page=2&limit=2")
            #expect(page2.json["data"]?.arrayValue?.map(\.id) == Array(created[2..<4]))
            #expect(page2.json["page"] == 2 && page2.json["limit"] == 2 && page2.json["total"] == 5)
            let clamped = try await fixture.api.call(.get, "/api/therapists?plz_prefix=\(prefix)&page=-1&limit=2000")
            #expect(clamped.json["page"] == 1 && clamped.json["limit"] == 1000 && clamped.json["total"] == 5)
            let zero = try await fixture.api.call(.get, "/api/therapists?plz_prefix=\(prefix)&limit=0&page=abc")
            #expect(zero.json["limit"] == 1 && zero.json["page"] == 1 && zero.json["data"]?.arrayValue?.count == 1)
            let beyond = try await fixture.api.call(.get, "/api/therapists?plz_prefix=\(prefix)&page=9")
            #expect(beyond.json["data"] == [] && beyond.json["total"] == 5)
        }
    }

    @Test("stored odd JSON is normalised on the wire: objects stay objects, scalars become one-element arrays")
    func normalisation() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist()
            let pool = try SchemaTests.pool()
            _ = try await pool.execute("""
                UPDATE therapist_service.therapeuten SET telefonische_erreichbarkeit = '[1]', arbeitszeiten = NULL,
                       fremdsprachen = '"Englisch"', bevorzugte_diagnosen = NULL WHERE id = \(therapist.id)::integer
                """)
            await pool.shutdown(until: .now + .seconds(5))
            let read = try await fixture.api.call(.get, "/api/therapists/\(therapist.id)")
            #expect(read.json["telefonische_erreichbarkeit"] == .object(JSONObject()) && read.json["arbeitszeiten"] == .object(JSONObject()))
            #expect(read.json["fremdsprachen"] == ["Englisch"] && read.json["bevorzugte_diagnosen"] == [])
        }
    }
}
