import Foundation
import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("Registration import from object storage")
struct ImportTests {
    /// A signed registration file as the website writes it (data double-nested like the PHP site).
    static func registration(token: String, voucher: Bool = false, patient extra: JSONObject = [:],
                             key: String = PatientFixture.hmacKey, version: String = SignedJSONDocument.version) -> JSONObject {
        var patientData: JSONObject = ["anrede": "Herr", "geschlecht": "männlich", "vorname": "Jonas", "nachname": "Import",
                                       "email": "jonas@example.com", "plz": "99999", "symptome": ["Schlafstörungen"],
                                       "krankenversicherungsnummer": "A123456789", "offen_fuer_diga": true]
        for (name, value) in extra { patientData[name] = value }
        var document: JSONObject = [
            "timestamp": .string(UTCTimestamp.now().isoNaive + "+00:00"), "type": "patient_registration", "environment": "test",
            "data": ["data": ["patient_data": .object(patientData), "registration_token": .string(token),
                              "consent_metadata": ["voucher_booking": .bool(voucher), "price_paid": 95.00]]],
        ]
        document["signature"] = .string(SignedJSONDocument.signature(of: document, key: Array(key.utf8)))
        document["signature_version"] = .string(version)
        return document
    }

    static func place(_ document: JSONObject, as name: String, in fixture: PatientFixture) throws {
        try place(JSONWriter(indent: 4).string(.object(document)), as: name, in: fixture)
    }

    static func place(_ text: String, as name: String, in fixture: PatientFixture) throws {
        try text.write(toFile: fixture.storageFolder + "/test/registrations/" + name, atomically: true, encoding: .utf8)
    }

    static func token() -> String { UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }

    @Test("a valid file creates the patient, archives it, deletes the object and queues the confirmation")
    func valid() async throws {
        try await PatientFixture.with { fixture in
            fixture.communication.answer(.get, "/prices.json", body: #"{"einzeltherapie": 1234.5, "gruppentherapie": 95}"#)
            let token = Self.token()
            try Self.place(Self.registration(token: token, patient: ["unbekannt": "x"]), as: "r1.json", in: fixture)
            await fixture.harness.runtime.app.importer.runCycle()
            let found = try await fixture.api.call(.get, "/api/patients?search=jonas@example.com&limit=1000")
            let patient = try #require(found.json["data"]?.arrayValue?.first { $0["zahlungsreferenz"] == .string(String(token.prefix(8))) })
            #expect(patient["vertraege_unterschrieben"] == true && patient["zahlung_eingegangen"] == false)
            #expect(patient["status"] == "offen" && patient["krankenversicherungsnummer"] == .null && patient["offen_fuer_diga"] == false)
            #expect(FileManager.default.fileExists(atPath: fixture.importFolder + "/r1.json"))
            #expect(!FileManager.default.fileExists(atPath: fixture.storageFolder + "/test/registrations/r1.json"))
            let email = try #require(fixture.communication.received.first { $0.target == "/api/emails" }?.json)
            #expect(email["betreff"] == "Registrierung Suche Psychotherapieplatz erfolgreich")
            let text = email["inhalt_markdown"]?.stringValue ?? ""
            #expect(text.contains("Sehr geehrter Herr Import,") && text.contains("1.234,50 Euro") && !text.contains("**Betreff:**"))
            let status = try await fixture.api.call(.get, "/api/patients/import-status")
            #expect(status.json["files_processed_today"] == 1 && status.json["total_failed"] == 0)
            #expect(status.json["recent_imports"]?.arrayValue?.first?["status"] == "success")
            #expect(try await fixture.api.call(.get, "/health/import").json["status"] == "healthy")
        }
    }

    @Test("a voucher registration starts the search at once and shows a zero price")
    func voucher() async throws {
        try await PatientFixture.with { fixture in
            let token = Self.token()
            try Self.place(Self.registration(token: token, voucher: true), as: "v.json", in: fixture)
            await fixture.harness.runtime.app.importer.runCycle()
            let found = try await fixture.api.call(.get, "/api/patients?search=jonas@example.com&limit=1000")
            let reference = "V_" + token.prefix(6)
            let patient = try #require(found.json["data"]?.arrayValue?.first { $0["zahlungsreferenz"] == .string(reference) })
            #expect(patient["zahlung_eingegangen"] == true && patient["status"] == "auf_der_Suche")
            #expect(patient["startdatum"] == .string(LocalDate.today().description))
            let text = fixture.communication.received.first { $0.target == "/api/emails" }?.json?["inhalt_markdown"]?.stringValue
            #expect(text?.contains("0,00 Euro") == true)
            #expect(!fixture.communication.received.contains { $0.target == "/prices.json" })
        }
    }

    @Test("tampered, wrongly keyed, wrong-version and unparsable files are rejected, recorded and notified", arguments: [
        "tampered", "wrong key", "wrong version", "not json",
    ])
    func rejected(kind: String) async throws {
        try await PatientFixture.with { fixture in
            var document = Self.registration(token: Self.token())
            switch kind {
            case "tampered": document["type"] = "patient_registration_x"
            case "wrong key": document = Self.registration(token: Self.token(), key: "another key")
            case "wrong version": document = Self.registration(token: Self.token(), version: "hmac-sha1-v0")
            default: break
            }
            if kind == "not json" { try Self.place("{\"signature\": ", as: "bad.json", in: fixture) } else {
                try Self.place(document, as: "bad.json", in: fixture)
            }
            await fixture.harness.runtime.app.importer.runCycle()
            #expect(!FileManager.default.fileExists(atPath: fixture.storageFolder + "/test/registrations/bad.json"))
            let record = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: fixture.importFolder + "/failed/bad.json"))))
            #expect(record["file_name"] == "bad.json" && record["error"]?.stringValue?.isEmpty == false)
            let note = try #require(fixture.communication.received.first { $0.target == "/api/system-messages" }?.json)
            #expect(note["subject"] == "Patient Import Error - Validation failed for patient file: bad.json")
            #expect(note["sender_name"] == "Patient Import System")
            let status = try await fixture.api.call(.get, "/api/patients/import-status")
            #expect(status.json["files_failed_today"] == 1 && status.json["last_error"]?.stringValue?.hasPrefix("bad.json: ") == true)
            #expect(!fixture.communication.received.contains { $0.target == "/api/emails" })
        }
    }

    @Test("the same registration twice creates one patient; the second file is reported as a duplicate")
    func duplicate() async throws {
        try await PatientFixture.with { fixture in
            let token = Self.token()
            try Self.place(Self.registration(token: token), as: "first.json", in: fixture)
            try Self.place(Self.registration(token: token, patient: ["ort": "Zweitort"]), as: "second.json", in: fixture)
            await fixture.harness.runtime.app.importer.runCycle()
            let found = try await fixture.api.call(.get, "/api/patients?search=jonas@example.com&limit=1000")
            let matches = found.json["data"]?.arrayValue?.filter { $0["zahlungsreferenz"] == .string(String(token.prefix(8))) }
            #expect(matches?.count == 1)
            #expect(FileManager.default.fileExists(atPath: fixture.importFolder + "/failed/second.json"))
            let note = fixture.communication.received.first { $0.target == "/api/system-messages" }?.json
            #expect(fixture.communication.received.filter { $0.target == "/api/system-messages" }.count == 1)
            #expect(note?["subject"] == "Patient Import Error - Failed to import patient file: second.json")
            #expect(note?["message"]?.stringValue?.contains("Duplicate registration") == true)
        }
    }

    @Test("unreachable prices still import the patient; staff are told the confirmation was not sent")
    func pricesDown() async throws {
        try await PatientFixture.with(environment: ["PRICES_URL": "http://127.0.0.1:1/prices.json"]) { fixture in
            try Self.place(Self.registration(token: Self.token()), as: "p.json", in: fixture)
            await fixture.harness.runtime.app.importer.runCycle()
            let status = try await fixture.api.call(.get, "/api/patients/import-status")
            #expect(status.json["files_processed_today"] == 1)
            let note = fixture.communication.received.first { $0.target == "/api/system-messages" }?.json
            #expect(note?["subject"] == "Patient Import Error - Exception sending patient confirmation email")
            #expect(!fixture.communication.received.contains { $0.target == "/api/emails" })
        }
    }

    @Test("a storage that cannot be listed makes /health/import unhealthy until it recovers")
    func storageUnreachable() async throws {
        try await PatientFixture.with { fixture in
            try FileManager.default.removeItem(atPath: fixture.storageFolder + "/test")
            await fixture.harness.runtime.app.importer.runCycle()
            let health = try await fixture.api.call(.get, "/health/import")
            #expect(health.status == 200 && health.json["status"] == "unhealthy")
            #expect(health.json["details"]?["issues"] == ["Object storage unreachable"])
            try FileManager.default.createDirectory(atPath: fixture.storageFolder + "/test/registrations", withIntermediateDirectories: true)
            await fixture.harness.runtime.app.importer.runCycle()
            #expect(try await fixture.api.call(.get, "/health/import").json["status"] == "healthy")
        }
    }

    @Test("invalid patient data fails the import with the API's message and keeps the file under failed/")
    func invalidData() async throws {
        try await PatientFixture.with { fixture in
            try Self.place(Self.registration(token: Self.token(), patient: ["anrede": "Dr."]), as: "invalid.json", in: fixture)
            try Self.place(Self.registration(token: Self.token(), patient: ["vorname": .null]), as: "missing.json", in: fixture)
            await fixture.harness.runtime.app.importer.runCycle()
            let status = try await fixture.api.call(.get, "/api/patients/import-status")
            let errors = status.json["recent_imports"]?.arrayValue?.compactMap { $0["error"]?.stringValue } ?? []
            #expect(errors == ["Invalid anrede 'Dr.'. Valid values: Herr, Frau", "Missing required fields"])
            #expect(FileManager.default.fileExists(atPath: fixture.importFolder + "/failed/invalid.json"))
            #expect(!FileManager.default.fileExists(atPath: fixture.importFolder + "/invalid.json"))
        }
    }
}
