import Testing
import Shared
import TestSupport
@testable import MatchingService

/// matching.md §6.1, §6.2, §6.6: listing, reading and deleting anfragen over HTTP.
@Suite("Therapeutenanfragen list and detail HTTP")
struct AnfrageListHTTPTests {
    static let itemKeys = ["id", "therapist_id", "therapeuten_name", "erstellt_datum", "gesendet_datum", "antwort_datum",
                           "tage_seit_versand", "antworttyp", "anfragegroesse", "angenommen_anzahl", "abgelehnt_anzahl",
                           "keine_antwort_anzahl", "nachverfolgung_erforderlich", "antwort_vollstaendig"]

    @Test("list: invalid versand_status, antwort_status and nachverfolgung_erforderlich are 400s")
    func listValidation() async throws {
        try await MatchingFixture.with { f in
            let versand = try await f.get("/api/therapeutenanfragen?versand_status=x")
            #expect(versand.status == 400)
            #expect(versand.message == "Invalid versand_status. Use 'gesendet' or 'ungesendet'")
            let antwort = try await f.get("/api/therapeutenanfragen?antwort_status=x")
            #expect(antwort.status == 400)
            #expect(antwort.message == "Invalid antwort_status. Use 'beantwortet' or 'ausstehend'")
            let followUp = try await f.get("/api/therapeutenanfragen?nachverfolgung_erforderlich=vielleicht")
            #expect(followUp.status == 400)
            #expect(followUp.message != nil)
        }
    }

    @Test("list: therapist, versand and antwort filters, item shape and summary")
    func listFilters() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2, therapist: ["vorname": "Nora"])
            let sentID = world.anfrageID
            let unsentID = try await f.requireBundle(world.therapist, prefix: world.prefix).id  // same therapist, created later
            try await f.send(sentID)

            let all = try await f.anfragen(of: world.therapist)
            #expect(all.status == 200)
            #expect(all.json.keys == ["data", "page", "limit", "total", "summary"])
            #expect(all.json["total"] == 2)
            #expect(all.json["data"]?.arrayValue?.map(\.id) == [unsentID, sentID])  // newest first
            #expect(all.json["summary"] == ["total_anfragen": 2, "unsent_anfragen": 1, "pending_responses": 1,
                                            "needing_follow_up": 0])
            let sent = try #require(all.json["data"]?[1])
            #expect(sent.keys == Self.itemKeys)
            #expect(sent["therapeuten_name"] == .string("Nora \(world.therapist["nachname"]?.stringValue ?? "")"))
            #expect(sent["tage_seit_versand"] == 0)
            #expect(sent["anfragegroesse"] == 2)
            #expect(sent["nachverfolgung_erforderlich"] == false)
            #expect(sent["antwort_vollstaendig"] == false)
            #expect(sent["antworttyp"] == .null && sent["antwort_datum"] == .null)
            let unsent = try #require(all.json["data"]?[0])
            #expect(unsent["gesendet_datum"] == .null && unsent["tage_seit_versand"] == .null)

            let gesendet = try await f.anfragen(of: world.therapist, "&versand_status=gesendet")
            #expect(gesendet.json["data"]?.arrayValue?.map(\.id) == [sentID] && gesendet.json["total"] == 1)
            let ungesendet = try await f.anfragen(of: world.therapist, "&versand_status=ungesendet")
            #expect(ungesendet.json["data"]?.arrayValue?.map(\.id) == [unsentID] && ungesendet.json["total"] == 1)
            let ausstehend = try await f.anfragen(of: world.therapist, "&antwort_status=ausstehend")
            #expect(ausstehend.json["data"]?.arrayValue?.map(\.id) == [sentID])
            #expect(try await f.anfragen(of: world.therapist, "&antwort_status=beantwortet").json["total"] == 0)
            #expect(try await f.anfragen(of: world.therapist, "&min_size=3").json["total"] == 0)
            #expect(try await f.anfragen(of: world.therapist, "&max_size=2").json["total"] == 2)

            let responses: JSONValue = ["\(world.patientIDs[0])": "angenommen", "\(world.patientIDs[1])": "abgelehnt_sonstiges"]
            #expect(try await f.put("/api/therapeutenanfragen/\(sentID)/antwort", ["patient_responses": responses]).status == 200)
            let answered = try await f.anfragen(of: world.therapist, "&antwort_status=beantwortet")
            #expect(answered.json["data"]?.arrayValue?.map(\.id) == [sentID])
            #expect(answered.json["data"]?[0]?["antwort_vollstaendig"] == true)
            #expect(answered.json["summary"] == ["total_anfragen": 1, "unsent_anfragen": 0, "pending_responses": 0,
                                                 "needing_follow_up": 0])
        }
    }

    @Test("list with a threshold of 0 days: a sent, unanswered anfrage needs a follow-up")
    func listFollowUp() async throws {
        try await MatchingFixture.with(environment: ["FOLLOW_UP_THRESHOLD_DAYS": "0"]) { f in
            let world = try await f.bundleWorld(patients: 1)
            let unsentID = try await f.requireBundle(world.therapist, prefix: world.prefix).id
            try await f.send(world.anfrageID)
            let all = try await f.anfragen(of: world.therapist)
            #expect(all.json["summary"]?["needing_follow_up"] == 1)
            let flags = all.json["data"]?.arrayValue?.map { $0["nachverfolgung_erforderlich"] }
            #expect(flags == [false, true])  // unsent (newest) first
            let due = try await f.anfragen(of: world.therapist, "&nachverfolgung_erforderlich=true")
            #expect(due.status == 200)
            #expect(due.json["data"]?.arrayValue?.map(\.id) == [world.anfrageID])
            let notDue = try await f.anfragen(of: world.therapist, "&nachverfolgung_erforderlich=false")
            #expect(notDue.json["data"]?.arrayValue?.map(\.id) == [unsentID])
        }
    }

    @Test("detail: therapist, summary and the patients in position order; 404")
    func detail() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 3)
            let response = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)")
            #expect(response.status == 200)
            #expect(response.json.keys == ["id", "therapist_id", "therapist", "erstellt_datum", "gesendet_datum", "antwort_datum",
                                           "tage_seit_versand", "antworttyp", "anfragegroesse", "antwort_zusammenfassung",
                                           "notizen", "email_id", "phone_call_id", "patients", "nachverfolgung_erforderlich"])
            #expect(response.json["id"] == .int(world.anfrageID))
            #expect(response.json["therapist"] == world.therapist)
            #expect(response.json["anfragegroesse"] == 3)
            #expect(response.json["antwort_zusammenfassung"] == ["total_accepted": 0, "total_rejected": 0, "total_no_response": 0,
                                                                 "antwort_vollstaendig": false])
            let entries = response.json["patients"]?.arrayValue ?? []
            #expect(entries.map { $0["position"]?.intValue } == [1, 2, 3])
            #expect(entries.map { $0["patient_id"]?.intValue } == world.patientIDs)
            #expect(entries.map { $0["platzsuche_id"]?.intValue } == world.searchIDs)
            #expect(entries.map { $0["patient"] } == world.patients)
            let first = try #require(entries.first)
            #expect(first.keys == ["position", "patient_id", "patient", "platzsuche_id", "search_created_at", "wartezeit_tage",
                                   "status", "antwortergebnis", "antwortnotizen"])
            #expect(first["wartezeit_tage"] == 0 && first["status"] == "anstehend" && first["antwortergebnis"] == .null)
            let search = try await f.get("/api/platzsuchen/\(world.searchIDs[0])").json
            #expect(first["search_created_at"] == search["created_at"])

            let missing = try await f.get("/api/therapeutenanfragen/\(MatchingIDs.unknownRow)")
            #expect(missing.status == 404 && missing.message == "Anfrage \(MatchingIDs.unknownRow) not found")
        }
    }

    @Test("DELETE: 200, then 404; the searches stay")
    func delete() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2)
            let response = try await f.delete("/api/therapeutenanfragen/\(world.anfrageID)")
            #expect(response.status == 200)
            #expect(response.json == ["message": "Therapeutenanfrage deleted successfully"])
            let gone = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)")
            #expect(gone.status == 404 && gone.message == "Anfrage \(world.anfrageID) not found")
            let again = try await f.delete("/api/therapeutenanfragen/\(world.anfrageID)")
            #expect(again.status == 404 && again.message == "Anfrage \(world.anfrageID) not found")
            #expect(try await f.anfragen(of: world.therapist).json["total"] == 0)
            let search = try await f.get("/api/platzsuchen/\(world.searchIDs[0])")
            #expect(search.status == 200 && search.json["gesamt_anfragen"] == 0 && search.json["anfrage_verlauf"] == [])
        }
    }
}
