import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("PUT /api/patients/{id}")
struct UpdatePatientTests {
    @Test("a partial update changes only the given fields, sets updated_at, and null does not clear")
    func partial() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient(["ort": "Alt", "plz": "99999"])
            let response = try await fixture.api.call(.put, "/api/patients/\(patient.id)", #"{"ort":"Neu","plz":null,"telefon":""}"#)
            #expect(response.status == 200)
            #expect(response.json["ort"] == "Neu" && response.json["plz"] == "99999" && response.json["telefon"] == "")
            #expect(response.json["updated_at"] == .string(LocalDate.today().description))
            #expect(response.json["vorname"] == patient["vorname"])
        }
    }

    @Test("type errors answer a per-field message before the existence check")
    func typeErrorBeforeNotFound() async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.put, "/api/patients/2147483000", #"{"zeitliche_verfuegbarkeit":"montags"}"#)
            #expect(response.status == 400)
            #expect(response.json["message"] == ["zeitliche_verfuegbarkeit": "Must be a JSON object"])
            // Value rules run after the existence check (patient.md §2.4).
            for body in [#"{"ort":"X"}"#, #"{"status":"kaputt"}"#, #"{"zahlungsreferenz":"123456789"}"#] {
                let missing = try await fixture.api.call(.put, "/api/patients/2147483000", body)
                #expect(missing.status == 404 && missing.message == "Patient not found", "\(body)")
            }
        }
    }

    @Test("a validation failure saves nothing")
    func atomicValidation() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient(["ort": "Alt"])
            let response = try await fixture.api.call(.put, "/api/patients/\(patient.id)", #"{"ort":"Neu","status":"kaputt"}"#)
            #expect(response.status == 400 && response.message?.hasPrefix("Invalid status 'kaputt'") == true)
            #expect(try await fixture.api.call(.get, "/api/patients/\(patient.id)").json["ort"] == "Alt")
        }
    }

    @Test("payment with signed contracts starts the search once and queues one confirmation email")
    func paymentTransition() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient(["email": "erika@example.com", "zahlungsreferenz": "AB12CD34",
                                                           "vertraege_unterschrieben": true])
            let first = try await fixture.api.call(.put, "/api/patients/\(patient.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(first.json["status"] == "auf_der_Suche")
            #expect(first.json["startdatum"] == .string(LocalDate.today().description))
            let second = try await fixture.api.call(.put, "/api/patients/\(patient.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(second.status == 200 && second.json["startdatum"] == first.json["startdatum"])
            let emails = fixture.communication.received.filter { $0.method == .post && $0.target == "/api/emails" }
            #expect(emails.count == 1)
            let email = try #require(emails.first?.json)
            #expect(email["patient_id"]?.intValue == patient.id && email["status"] == "In_Warteschlange")
            #expect(email["empfaenger_email"] == "erika@example.com" && email["empfaenger_name"] == "Erika Musterfrau")
            #expect(email["betreff"] == "Zahlung eingegangen - Ihre Therapieplatzsuche startet jetzt!")
            #expect(email["absender_email"] == "info@curavani.com" && email["add_legal_footer"] == true)
            let text = email["inhalt_markdown"]?.stringValue ?? ""
            #expect(text.contains("Sehr geehrte Frau Musterfrau,") && text.contains("AB12CD34"))
        }
    }

    @Test("voucher bookings start without email; unsigned contracts only record the payment; other statuses stay")
    func paymentVariants() async throws {
        try await PatientFixture.with { fixture in
            let voucher = try await fixture.createPatient(["email": "v@example.com", "zahlungsreferenz": "V_ABCDEF",
                                                           "vertraege_unterschrieben": true])
            let started = try await fixture.api.call(.put, "/api/patients/\(voucher.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(started.json["status"] == "auf_der_Suche")
            let unsigned = try await fixture.createPatient(["email": "u@example.com"])
            let recorded = try await fixture.api.call(.put, "/api/patients/\(unsigned.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(recorded.json["zahlung_eingegangen"] == true && recorded.json["status"] == "offen")
            #expect(recorded.json["startdatum"] == .null)
            let signedLater = try await fixture.api.call(.put, "/api/patients/\(unsigned.id)", #"{"vertraege_unterschrieben":true}"#)
            #expect(signedLater.json["status"] == "offen")
            let inTherapy = try await fixture.createPatient(["status": "in_Therapie", "vertraege_unterschrieben": true])
            let kept = try await fixture.api.call(.put, "/api/patients/\(inTherapy.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(kept.json["status"] == "in_Therapie" && kept.json["startdatum"] == .string(LocalDate.today().description))
            #expect(fixture.communication.received.filter { $0.target == "/api/emails" }.isEmpty)
        }
    }

    @Test("a failing communication service never fails the update")
    func emailFailureIsLogged() async throws {
        try await PatientFixture.with { fixture in
            fixture.communication.answer(.post, "/api/emails", status: .internalServerError, body: #"{"message":"down"}"#)
            let patient = try await fixture.createPatient(["email": "e@example.com", "vertraege_unterschrieben": true])
            let response = try await fixture.api.call(.put, "/api/patients/\(patient.id)", #"{"zahlung_eingegangen":true}"#)
            #expect(response.status == 200 && response.json["status"] == "auf_der_Suche")
        }
    }
}
