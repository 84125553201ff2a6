import Foundation
import Testing
import Shared
import TestSupport
@testable import PatientService

/// The extensions for the matching service: `ids` and `plz_prefix` on `GET /api/patients`.
@Suite("GET /api/patients batch filters")
struct BatchFilterPatientTests {
    /// A 7-digit PLZ prefix from a fresh UUID, so lists see only this test's rows.
    static func uniquePrefix() -> String {
        String(UUID().uuidString.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init).prefix(7))
            .padding(toLength: 7, withPad: "0", startingAt: 0)
    }

    @Test("ids selects exact ids in id order; plz_prefix is trimmed and combines with status")
    func filters() async throws {
        try await PatientFixture.with { fixture in
            let prefix = Self.uniquePrefix()
            let a = try await fixture.createPatient(["plz": .string(prefix + "1")])
            let b = try await fixture.createPatient(["plz": .string(prefix + "2"), "status": "auf_der_Suche"])
            let c = try await fixture.createPatient(["plz": .string("X" + prefix)])
            func ids(_ query: String) async throws -> [Int] {
                let response = try await fixture.api.call(.get, "/api/patients?\(query)")
                #expect(response.status == 200, "\(query)")
                #expect(response.json["total"]?.intValue == response.json["data"]?.arrayValue?.count, "\(query)")
                return response.json["data"]?.arrayValue?.map(\.id) ?? []
            }
            #expect(try await ids("ids=\(c.id),\(a.id),%20\(b.id)%20,2147483000,99999999999") == [a.id, b.id, c.id])
            #expect(try await ids("ids=\(a.id),\(b.id)&status=auf_der_Suche") == [b.id])
            #expect(try await ids("plz_prefix=%20\(prefix)%20") == [a.id, b.id])
            #expect(try await ids("plz_prefix=\(prefix)2") == [b.id])
            #expect(try await ids("plz_prefix=\(prefix)&status=auf_der_Suche") == [b.id])
            #expect(try await ids("plz_prefix=\(prefix)&ids=\(a.id),\(c.id)") == [a.id])
            #expect(try await ids("plz_prefix=\(prefix.prefix(3))%25\(prefix.dropFirst(4))") == [], "% matches literally")
            let paged = try await fixture.api.call(.get, "/api/patients?ids=\(a.id),\(b.id),\(c.id)&limit=2&page=1")
            #expect(paged.json["data"]?.arrayValue?.map(\.id) == [a.id, b.id] && paged.json["total"] == 3)
        }
    }

    @Test("a non-integer element or more than 1000 ids is a 400", arguments: [
        ("ids=1,x", "Invalid ids parameter. Use comma-separated integers."),
        ("ids=", "Invalid ids parameter. Use comma-separated integers."),
        ("ids=1,,2", "Invalid ids parameter. Use comma-separated integers."),
        ("ids=1.5", "Invalid ids parameter. Use comma-separated integers."),
        ("ids=" + (1...1001).map(String.init).joined(separator: ","), "Too many ids (max 1000)."),
    ])
    func refused(query: String, message: String) async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.get, "/api/patients?\(query)")
            #expect(response.status == 400 && response.message == message)
        }
    }

    @Test("1000 seven-digit ids fit the request line")
    func thousandIDs() async throws {
        try await PatientFixture.with { fixture in
            let a = try await fixture.createPatient()
            let ids = [a.id] + (9_999_001...9_999_999).map { $0 }
            let response = try await fixture.api.call(.get, "/api/patients?ids=" + ids.map(String.init).joined(separator: ","))
            #expect(response.status == 200 && response.json["data"]?.arrayValue?.map(\.id) == [a.id])
        }
    }
}
