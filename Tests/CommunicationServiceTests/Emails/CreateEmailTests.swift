import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("POST /api/emails")
struct CreateEmailTests {
    @Test("a draft with text: 201, the email object in wire order, footer appended, defaults applied")
    func createsDraft() async throws {
        try await CommunicationFixture.with { f in
            let patient = CommunicationFixture.uniqueID()
            let response = try await f.api.call(.post, "/api/emails", json: CommunicationFixture.emailBody(patient: patient))
            #expect(response.status == 201)
            let email = response.json
            #expect(email.objectValue?.keys == EmailRecord.layout.keys)
            #expect(email["patient_id"]?.intValue == patient)
            #expect(email["therapist_id"] == .null)
            #expect(email["status"]?.stringValue == "Entwurf")
            #expect(email["absender_email"]?.stringValue == "info@curavani.com")
            #expect(email["absender_name"]?.stringValue == "Curavani GmbH")
            #expect(email["antwort_erhalten"] == .bool(false))
            #expect(email["wiederholungsanzahl"]?.intValue == 0)
            #expect(email["in_warteschlange_am"] == .null)
            #expect(email["attachments"] == .array([]))
            #expect(email["inhalt_text"]?.stringValue?.hasPrefix("Hallo") == true)
            #expect(email["inhalt_text"]?.stringValue?.contains("Curavani GmbH") == true)
            #expect(email["created_at"]?.stringValue?.contains("T") == true)
        }
    }

    @Test("status In_Warteschlange sets in_warteschlange_am; add_legal_footer false leaves bodies alone")
    func queuedWithoutFooter() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID(), [
                "status": "In_Warteschlange", "add_legal_footer": false, "inhalt_html": "<p>Hi</p>", "inhalt_text": "Hi"])
            #expect(email["status"]?.stringValue == "In_Warteschlange")
            #expect(email["in_warteschlange_am"]?.stringValue != nil)
            #expect(email["inhalt_html"]?.stringValue == "<p>Hi</p>")
            #expect(email["inhalt_text"]?.stringValue == "Hi")
        }
    }

    @Test("Markdown becomes HTML and text; sender and attachments as given")
    func markdownAndAttachments() async throws {
        try await CommunicationFixture.with { f in
            let email = try await f.createEmail(patient: CommunicationFixture.uniqueID(), [
                "inhalt_markdown": "# Titel\n\n**fett**", "add_legal_footer": false,
                "absender_email": "team@curavani.com", "absender_name": "Team",
                "attachments": ["/data/a.pdf", "/data/b.pdf"]])
            #expect(email["inhalt_html"]?.stringValue?.contains("<h1>Titel</h1>") == true)
            #expect(email["inhalt_text"]?.stringValue?.contains("fett") == true)
            #expect(email["inhalt_text"]?.stringValue?.contains("<") == false)
            #expect(email["absender_email"]?.stringValue == "team@curavani.com")
            #expect(email["absender_name"]?.stringValue == "Team")
            #expect(email["attachments"] == ["/data/a.pdf", "/data/b.pdf"])
            let read = try await f.api.call(.get, "/api/emails/\(email.id)")
            #expect(read.json["attachments"] == ["/data/a.pdf", "/data/b.pdf"])
        }
    }

    @Test("errors in the spec's order with its messages", arguments: [
        (#"{"empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"inhalt_text":"x"}"#, "betreff: Betreff is required"),
        (#"{"betreff":"S","empfaenger_name":"A","patient_id":1,"inhalt_text":"x"}"#, "empfaenger_email: Empfaenger email is required"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","patient_id":1,"inhalt_text":"x"}"#, "empfaenger_name: Empfaenger name is required"),
        (#"{"betreff":null,"empfaenger_email":"a@b.de","empfaenger_name":"A"}"#, "betreff: Betreff is required"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","inhalt_text":"x"}"#, "Either therapist_id or patient_id is required"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":0,"therapist_id":0,"inhalt_text":"x"}"#,
         "Either therapist_id or patient_id is required"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"therapist_id":2,"inhalt_text":"x"}"#,
         "Cannot specify both therapist_id and patient_id"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"inhalt_text":""}"#,
         "Either inhalt_html, inhalt_text, or inhalt_markdown is required"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"inhalt_text":"x","attachments":["/a.pdf",5]}"#,
         "Invalid attachment path: 5"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"inhalt_text":"x","status":"Verschickt"}"#,
         "Invalid status 'Verschickt'. Valid values: ['Entwurf', 'In_Warteschlange', 'Wird_gesendet', 'Gesendet', 'Fehlgeschlagen']"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":"abc","inhalt_text":"x"}"#,
         "patient_id: invalid literal for int() with base 10: 'abc'"),
        (#"{"betreff":"S","empfaenger_email":"kein empfänger","empfaenger_name":"A","patient_id":1,"inhalt_text":"x"}"#,
         "Invalid empfaenger_email: kein empfänger"),
        (#"{"betreff":"S","empfaenger_email":"a@b.de","empfaenger_name":"A","patient_id":1,"inhalt_text":"x","absender_email":"x@y@z"}"#,
         "Invalid absender_email: x@y@z"),
    ])
    func rejects(body: String, message: String) async throws {
        try await CommunicationFixture.with { f in
            let response = try await f.api.call(.post, "/api/emails", body)
            #expect(response.status == 400)
            #expect(response.message == message)
        }
    }

    @Test("over-long subject and NUL characters are 400s, not database errors")
    func rejectsUnstorableValues() async throws {
        try await CommunicationFixture.with { f in
            let long = try await f.api.call(.post, "/api/emails", json: CommunicationFixture.emailBody(
                patient: 1, ["betreff": .string(String(repeating: "x", count: 256))]))
            #expect(long.status == 400)
            #expect(long.message == "betreff: must be at most 255 characters")
            let nul = try await f.api.call(.post, "/api/emails", json: CommunicationFixture.emailBody(patient: 1, ["inhalt_text": "a\u{0}b"]))
            #expect(nul.status == 400)
        }
    }
}
