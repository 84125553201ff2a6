import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("Read model (migration V0004)")
struct ReadModelTests {
    @Test("the counters match count(*) per status after inserts, status changes and deletes")
    func countersMatch() async throws {
        try await PatientFixture.with { fixture in
            var ids: [Int] = []
            for status in ["offen", "auf_der_Suche", "in_Therapie", "offen"] {
                ids.append(try await fixture.createPatient(["status": .string(status)]).id)
            }
            _ = try await fixture.api.call(.put, "/api/patients/\(ids[0])", #"{"status":"Suche_abgebrochen"}"#)
            _ = try await fixture.api.call(.put, "/api/patients/\(ids[1])", #"{"ort":"Nur der Ort"}"#)
            _ = try await fixture.api.call(.delete, "/api/patients/\(ids[2])")
            let pool = try SchemaTests.pool()
            // One statement, one snapshot: concurrent suites cannot make the two sides differ.
            let rows = try await pool.query("""
                SELECT coalesce(s.status, c.status) AS status, coalesce(s.n, 0) AS actual, coalesce(c.n, 0) AS counted
                  FROM (SELECT coalesce(status::text, '') AS status, count(*) AS n FROM patient_service.patienten GROUP BY 1) s
                  FULL JOIN (SELECT status, sum(n) AS n FROM patient_service.patient_counts GROUP BY 1) c ON c.status = s.status
                """)
            for row in rows {
                let status: String = try row.decode("status")
                #expect(try row.decode("actual", as: Int.self) == row.decode("counted", as: Int.self), "\(status)")
            }
            await pool.shutdown(until: .now + .seconds(5))
        }
    }

    @Test("list items and single reads are the same document the write endpoints return")
    func documentsAgree() async throws {
        try await PatientFixture.with { fixture in
            let created = try await fixture.createPatient([
                "strasse": "Weg \"7\"\n", "symptome": ["Zwänge"], "raeumliche_verfuegbarkeit": ["max_km": 12.5],
                "zeitliche_verfuegbarkeit": ["montag": ["08:00-10:00"], "dienstag": []], "geburtsdatum": "1970-01-31",
                "email": .string("read-\(Int.random(in: 0...999_999_999))@example.com"), "status": "in_Therapie",
            ])
            let single = try await fixture.api.call(.get, "/api/patients/\(created.id)")
            #expect(single.json == created)
            #expect(single.json.objectValue?.keys == CreatePatientTests.keys)
            let search = created["email"]?.stringValue ?? ""
            let page = try await fixture.api.call(.get, "/api/patients?search=\(search)&status=in_Therapie")
            #expect(page.json["data"] == [created])
            let updated = try await fixture.api.call(.put, "/api/patients/\(created.id)", #"{"ort":"Neustadt"}"#)
            #expect(try await fixture.api.call(.get, "/api/patients/\(created.id)").json == updated.json)
        }
    }
}
