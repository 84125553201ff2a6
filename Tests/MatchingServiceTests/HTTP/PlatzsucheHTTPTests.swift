import Testing
import Shared
import TestSupport
@testable import MatchingService

/// matching.md §3: the Platzsuche endpoints over HTTP.
@Suite("Platzsuche HTTP")
struct PlatzsucheHTTPTests {
    static let missingText = "Missing required parameter in the JSON body or the post body or the query string"
    static let validStatuses = "Valid values: ['aktiv', 'erfolgreich', 'pausiert', 'abgebrochen']"

    @Test("POST creates an aktiv search (201) and stores notizen as an (API) note")
    func create() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient()
            let response = try await f.post("/api/platzsuchen", ["patient_id": .int(patient.id), "notizen": "Bitte bald melden"])
            #expect(response.status == 201)
            #expect(response.json.keys == ["id", "patient_id", "status", "created_at", "message"])
            #expect(response.json["patient_id"] == .int(patient.id))
            #expect(response.json["status"] == "aktiv")
            #expect(response.json["message"] == "Patient search created successfully")
            #expect(UTCTimestamp(iso8601: response.json["created_at"]?.stringValue ?? "") != nil)
            let id = try #require(response.json["id"]?.intValue)
            let details = try await f.get("/api/platzsuchen/\(id)")
            #expect(details.status == 200)
            #expect(matches(details.json["notizen"]?.stringValue, #"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(API\)\] Bitte bald melden"#))
            #expect(details.json["ausgeschlossene_therapeuten"] == [])
            #expect(details.json["vermittelter_therapeut_id"] == .null)

            // Without notizen: no note at all.
            let other = try await f.createSearch(f.addPatient())
            #expect(try await f.get("/api/platzsuchen/\(other)").json["notizen"] == .null)
        }
    }

    @Test("POST: missing patient_id is a 400 object message; an unknown patient a 404")
    func createRejectsMissingAndUnknown() async throws {
        try await MatchingFixture.with { f in
            let missing = try await f.post("/api/platzsuchen", ["notizen": "x"])
            #expect(missing.status == 400)
            #expect(missing.json["message"] == ["patient_id": .string(Self.missingText)])
            let nullID = try await f.post("/api/platzsuchen", ["patient_id": .null])
            #expect(nullID.status == 400 && nullID.json["message"] == ["patient_id": .string(Self.missingText)])

            let unknown = MatchingIDs.next()
            let response = try await f.post("/api/platzsuchen", ["patient_id": .int(unknown)])
            #expect(response.status == 404)
            #expect(response.message == "Patient \(unknown) not found")
            #expect(try await f.get("/api/platzsuchen?patient_id=\(unknown)").json["total"] == 0)
        }
    }

    @Test("POST: each eligibility failure is a 400 naming the reason, with patient_id; nothing is stored")
    func createChecksEligibility() async throws {
        let cases: [(JSONObject, String)] = [
            (["geschlecht": .null], "Patient field 'geschlecht' is required and cannot be empty"),
            (["symptome": "   "], "Patient field 'symptome' is required and cannot be empty"),
            (["krankenkasse": ""], "Patient field 'krankenkasse' is required and cannot be empty"),
            (["geburtsdatum": .null], "Patient field 'geburtsdatum' is required and cannot be empty"),
            (["erfahrung_mit_psychotherapie": .null], "Patient field 'erfahrung_mit_psychotherapie' must be explicitly set (true/false)"),
            (["offen_fuer_gruppentherapie": .null], "Patient field 'offen_fuer_gruppentherapie' must be explicitly set (true/false)"),
            (["zeitliche_verfuegbarkeit": [:]], "Patient must have 'zeitliche_verfuegbarkeit' with at least one day/time"),
            (["zeitliche_verfuegbarkeit": .null], "Patient must have 'zeitliche_verfuegbarkeit' with at least one day/time"),
            (["zeitliche_verfuegbarkeit": ["montag": [], "dienstag": [" "]]],
             "Patient must have at least one valid time slot in 'zeitliche_verfuegbarkeit'"),
            (["erfahrung_mit_psychotherapie": true, "letzte_sitzung_vorherige_psychotherapie": .null],
             "Field 'letzte_sitzung_vorherige_psychotherapie' is required when 'erfahrung_mit_psychotherapie' is true"),
            // First failure wins: geschlecht before krankenkasse.
            (["krankenkasse": .null, "geschlecht": " "], "Patient field 'geschlecht' is required and cannot be empty"),
        ]
        try await MatchingFixture.with { f in
            for (changes, reason) in cases {
                let patient = f.addPatient(changes)
                let response = try await f.post("/api/platzsuchen", ["patient_id": .int(patient.id)])
                #expect(response.status == 400, "\(reason)")
                #expect(response.message == "Cannot create platzsuche: \(reason)")
                #expect(response.json["patient_id"] == .int(patient.id))
                #expect(try await f.get("/api/platzsuchen?patient_id=\(patient.id)").json["total"] == 0)
            }
            // An empty symptom list passes; so does experience with a last-session date.
            let fine = f.addPatient(["symptome": [], "erfahrung_mit_psychotherapie": true,
                                     "letzte_sitzung_vorherige_psychotherapie": "2023-01-10"])
            #expect(try await f.post("/api/platzsuchen", ["patient_id": .int(fine.id)]).status == 201)
        }
    }

    @Test("POST: a second aktiv search is a 400 with search_id; a pausiert one does not block")
    func createOncePerActiveSearch() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient()
            let first = try await f.createSearch(patient)
            let second = try await f.post("/api/platzsuchen", ["patient_id": .int(patient.id)])
            #expect(second.status == 400)
            #expect(second.message == "Patient already has an active search")
            #expect(second.json["search_id"] == .int(first))

            let paused = try await f.put("/api/platzsuchen/\(first)", ["status": "pausiert"])
            #expect(paused.status == 200)
            let third = try await f.post("/api/platzsuchen", ["patient_id": .int(patient.id)])
            #expect(third.status == 201)
            #expect(third.json["id"] != .int(first))
            let all = try await f.get("/api/platzsuchen?patient_id=\(patient.id)")
            #expect(all.json["total"] == 2)
        }
    }

    @Test("GET list: status and patient_id filters, item shape, names from the patient service or Unknown")
    func list() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient(["vorname": "Lena", "offen_fuer_gruppentherapie": true])
            let older = try await f.createSearch(patient)
            _ = try await f.put("/api/platzsuchen/\(older)", ["status": "abgebrochen"])
            let newer = try await f.createSearch(patient)

            let all = try await f.get("/api/platzsuchen?patient_id=\(patient.id)")
            #expect(all.status == 200)
            #expect(all.json.keys == ["data", "page", "limit", "total"])
            #expect(all.json["total"] == 2)
            let items = all.json["data"]?.arrayValue ?? []
            #expect(items.map(\.id) == [newer, older])  // newest first
            let item = try #require(items.first)
            #expect(item.keys == ["id", "patient_id", "status", "patienten_name", "created_at", "updated_at", "aktive_anfragen",
                                  "gesamt_anfragen", "offen_fuer_gruppentherapie", "vermittelter_therapeut_id"])
            #expect(item["patient_id"] == .int(patient.id) && item["status"] == "aktiv")
            #expect(item["patienten_name"] == .string("Lena \(patient["nachname"]?.stringValue ?? "")"))
            #expect(item["aktive_anfragen"] == 0 && item["gesamt_anfragen"] == 0)
            #expect(item["offen_fuer_gruppentherapie"] == true && item["vermittelter_therapeut_id"] == .null)

            let active = try await f.get("/api/platzsuchen?patient_id=\(patient.id)&status=aktiv")
            #expect(active.json["total"] == 1 && active.json["data"]?.arrayValue?.map(\.id) == [newer])
            let cancelled = try await f.get("/api/platzsuchen?patient_id=\(patient.id)&status=abgebrochen")
            #expect(cancelled.json["total"] == 1 && cancelled.json["data"]?.arrayValue?.map(\.id) == [older])
            #expect(cancelled.json["data"]?[0]?["updated_at"]?.stringValue != nil)

            let invalid = try await f.get("/api/platzsuchen?status=x")
            #expect(invalid.status == 400)
            #expect(invalid.message == "Invalid status 'x'. \(Self.validStatuses)")

            // A patient the patient service no longer knows.
            f.peers.removePatient(patient.id)
            let unknown = try await f.get("/api/platzsuchen?patient_id=\(patient.id)&status=aktiv")
            #expect(unknown.json["data"]?[0]?["patienten_name"] == "Unknown")
            #expect(unknown.json["data"]?[0]?["offen_fuer_gruppentherapie"] == false)
        }
    }

    @Test("GET details: patient, counts and anfrage_verlauf; unknown id is a 404")
    func details() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 1, therapist: ["vorname": "Hanna"])
            let search = world.searchIDs[0]
            let details = try await f.get("/api/platzsuchen/\(search)")
            #expect(details.status == 200)
            #expect(details.json.keys == ["id", "patient_id", "status", "patient", "created_at", "updated_at",
                                          "ausgeschlossene_therapeuten", "erfolgreiche_vermittlung_datum",
                                          "vermittelter_therapeut_id", "notizen", "aktive_anfragen", "gesamt_anfragen",
                                          "anfrage_verlauf"])
            #expect(details.json["patient"] == world.patients[0])
            #expect(details.json["aktive_anfragen"] == 1 && details.json["gesamt_anfragen"] == 1)
            let expected: JSONValue = [
                "anfrage_id": .int(world.anfrageID), "therapist_id": .int(world.therapistID),
                "therapeuten_name": .string("Hanna \(world.therapist["nachname"]?.stringValue ?? "")"), "position": 1,
                "status": "anstehend", "outcome": .null, "sent_date": .null, "response_date": .null,
            ]
            #expect(details.json["anfrage_verlauf"] == [expected])

            // The history follows sending; an unknown therapist shows as Unknown.
            let sent = try await f.send(world.anfrageID)
            f.peers.removeTherapist(world.therapistID)
            let later = try await f.get("/api/platzsuchen/\(search)")
            #expect(later.json["anfrage_verlauf"]?[0]?["sent_date"] == sent.json["sent_date"])
            #expect(later.json["anfrage_verlauf"]?[0]?["therapeuten_name"] == "Unknown")

            // min_anfragen / max_anfragen count the bundle entries.
            let patientID = world.patientIDs[0]
            #expect(try await f.get("/api/platzsuchen?patient_id=\(patientID)&min_anfragen=1").json["total"] == 1)
            #expect(try await f.get("/api/platzsuchen?patient_id=\(patientID)&min_anfragen=2").json["total"] == 0)
            #expect(try await f.get("/api/platzsuchen?patient_id=\(patientID)&max_anfragen=1").json["total"] == 1)

            let missing = try await f.get("/api/platzsuchen/\(MatchingIDs.unknownRow)")
            #expect(missing.status == 404)
            #expect(missing.message == "Patient search \(MatchingIDs.unknownRow) not found")
        }
    }

    @Test("PUT: allowed and forbidden status transitions, unknown status, unknown search")
    func transitions() async throws {
        try await MatchingFixture.with { f in
            let id = try await f.createSearch(f.addPatient())
            func status(_ value: String) async throws -> APIResponse { try await f.put("/api/platzsuchen/\(id)", ["status": .string(value)]) }
            func current() async throws -> JSONValue? { try await f.get("/api/platzsuchen/\(id)").json["status"] }

            let same = try await status("aktiv")
            #expect(same.status == 400)
            #expect(same.message == "Invalid status transition from aktiv to aktiv")

            let paused = try await status("pausiert")
            #expect(paused.status == 200)
            #expect(paused.json == ["message": "Patient search updated successfully", "id": .int(id)])
            #expect(try await current() == "pausiert")
            let pausedAgain = try await status("pausiert")
            #expect(pausedAgain.status == 400 && pausedAgain.message == "Invalid status transition from pausiert to pausiert")
            #expect(try await status("aktiv").status == 200)
            #expect(try await current() == "aktiv")

            let invalid = try await status("x")
            #expect(invalid.status == 400)
            #expect(invalid.message == "Invalid status 'x'. \(Self.validStatuses)")

            let withoutTherapist = try await status("erfolgreich")
            #expect(withoutTherapist.status == 400)
            #expect(withoutTherapist.message == "Cannot mark as erfolgreich without vermittelter_therapeut_id")
            #expect(try await current() == "aktiv")

            #expect(try await status("abgebrochen").status == 200)
            let terminal = try await status("aktiv")
            #expect(terminal.status == 400 && terminal.message == "Invalid status transition from abgebrochen to aktiv")
            let terminal2 = try await status("pausiert")
            #expect(terminal2.status == 400 && terminal2.message == "Invalid status transition from abgebrochen to pausiert")
            #expect(try await current() == "abgebrochen")

            let missing = try await f.put("/api/platzsuchen/\(MatchingIDs.unknownRow)", ["status": "pausiert"])
            #expect(missing.status == 404 && missing.message == "Patient search \(MatchingIDs.unknownRow) not found")
        }
    }

    @Test("PUT: invalid exclusion list is a 400 that changes nothing; notizen replaces; exclusions replace")
    func exclusionsAndNotes() async throws {
        try await MatchingFixture.with { f in
            let id = try await f.createSearch(f.addPatient(), notizen: "Erste Notiz")
            let before = try await f.get("/api/platzsuchen/\(id)").json

            let invalid = try await f.put("/api/platzsuchen/\(id)", ["notizen": "Neu", "vermittelter_therapeut_id": 77,
                                                                    "status": "pausiert", "ausgeschlossene_therapeuten": [1, "x"]])
            #expect(invalid.status == 400)
            #expect(invalid.message == "Invalid therapist IDs in exclusion list")
            let unchanged = try await f.get("/api/platzsuchen/\(id)").json
            #expect(unchanged["notizen"] == before["notizen"])
            #expect(unchanged["ausgeschlossene_therapeuten"] == [])
            #expect(unchanged["vermittelter_therapeut_id"] == .null)
            #expect(unchanged["status"] == "aktiv")
            #expect(unchanged["updated_at"] == before["updated_at"])

            let notList = try await f.put("/api/platzsuchen/\(id)", ["ausgeschlossene_therapeuten": ["id": 5]])
            #expect(notList.status == 400 && notList.message == "Invalid therapist IDs in exclusion list")

            let valid = try await f.put("/api/platzsuchen/\(id)", ["notizen": "Ersetzt", "ausgeschlossene_therapeuten": [5, 6]])
            #expect(valid.status == 200)
            let after = try await f.get("/api/platzsuchen/\(id)").json
            #expect(after["notizen"] == "Ersetzt")
            #expect(after["ausgeschlossene_therapeuten"] == [5, 6])
            #expect(after["updated_at"]?.stringValue != nil)

            #expect(try await f.put("/api/platzsuchen/\(id)", ["ausgeschlossene_therapeuten": [7]]).status == 200)
            #expect(try await f.get("/api/platzsuchen/\(id)").json["ausgeschlossene_therapeuten"] == [7])
        }
    }

    @Test("PUT erfolgreich: success email with PDFs, patient in_Therapie, note; therapist fixed afterwards")
    func success() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient(["vorname": "Mia"])
            let id = try await f.createSearch(patient)
            let therapist = f.addTherapist()
            f.peers.setPDFs(therapist: therapist.id, [(filename: "b-anamnese.pdf", path: "/forms/b-anamnese.pdf"),
                                                      (filename: "a-einwilligung.pdf", path: "/forms/a-einwilligung.pdf")])
            let response = try await f.put("/api/platzsuchen/\(id)", ["vermittelter_therapeut_id": .int(therapist.id),
                                                                     "status": "erfolgreich"])
            #expect(response.status == 200)
            #expect(response.json == ["message": "Patient search updated successfully", "id": .int(id)])

            let emails = f.peers.emails
            #expect(emails.count == 1)
            let email = try #require(emails.first)
            #expect(email["patient_id"] == .int(patient.id))
            #expect(email["betreff"] == "Therapieplatz gefunden - bitte zeitnah bearbeiten")
            #expect(email["status"] == "In_Warteschlange")
            #expect(email["empfaenger_email"] == patient["email"])
            #expect(email["empfaenger_name"] == .string("Mia \(patient["nachname"]?.stringValue ?? "")"))
            #expect(email["add_legal_footer"] == true)
            #expect(email["attachments"] == ["/forms/a-einwilligung.pdf", "/forms/b-anamnese.pdf"])
            #expect(email["inhalt_markdown"]?.stringValue?.contains("a-einwilligung.pdf") == true)
            #expect(f.peers.patient(patient.id)?["status"] == "in_Therapie")

            let details = try await f.get("/api/platzsuchen/\(id)").json
            #expect(details["status"] == "erfolgreich")
            #expect(details["vermittelter_therapeut_id"] == .int(therapist.id))
            let emailID = try #require(email["id"]?.intValue)
            #expect(matches(details["notizen"]?.stringValue,
                            #"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(System\)\] Success email sent to patient \(Email ID: \#(emailID), Template: email_contact\)"#))

            // After success: another therapist is refused (and nothing changes), the status is terminal.
            let other = try await f.put("/api/platzsuchen/\(id)", ["vermittelter_therapeut_id": .int(therapist.id + 1)])
            #expect(other.status == 400)
            #expect(other.message == "Cannot change vermittelter_therapeut_id after successful placement")
            #expect(try await f.get("/api/platzsuchen/\(id)").json["vermittelter_therapeut_id"] == .int(therapist.id))
            let back = try await f.put("/api/platzsuchen/\(id)", ["status": "aktiv"])
            #expect(back.status == 400 && back.message == "Invalid status transition from erfolgreich to aktiv")
            #expect(f.peers.emails.count == 1)
        }
    }

    @Test("PUT erfolgreich for a patient without email: still erfolgreich, failure note, no email")
    func successWithoutEmail() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient(["email": .null])
            let id = try await f.createSearch(patient)
            let therapist = f.addTherapist()
            let response = try await f.put("/api/platzsuchen/\(id)", ["vermittelter_therapeut_id": .int(therapist.id),
                                                                     "status": "erfolgreich"])
            #expect(response.status == 200)
            let details = try await f.get("/api/platzsuchen/\(id)").json
            #expect(details["status"] == "erfolgreich")
            #expect(details["notizen"]?.stringValue?.hasSuffix("Failed to send success email: Patient has no email address") == true)
            #expect(matches(details["notizen"]?.stringValue,
                            #"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(System\)\] Failed to send success email: Patient has no email address"#))
            #expect(f.peers.emails.isEmpty)
            #expect(f.peers.patient(patient.id)?["status"] == "auf_der_Suche")
        }
    }

    @Test("DELETE: 200 then 404; the search's bundle entries go, the anfrage stays")
    func delete() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2)
            let response = try await f.delete("/api/platzsuchen/\(world.searchIDs[0])")
            #expect(response.status == 200)
            #expect(response.json == ["message": "Patient search deleted successfully"])
            let gone = try await f.get("/api/platzsuchen/\(world.searchIDs[0])")
            #expect(gone.status == 404 && gone.message == "Patient search \(world.searchIDs[0]) not found")
            let again = try await f.delete("/api/platzsuchen/\(world.searchIDs[0])")
            #expect(again.status == 404 && again.message == "Patient search \(world.searchIDs[0]) not found")

            let anfrage = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)")
            #expect(anfrage.status == 200)
            #expect(anfrage.json["anfragegroesse"] == 2)
            #expect(anfrage.json["patients"]?.arrayValue?.map { $0["patient_id"]?.intValue } == [world.patientIDs[1]])
        }
    }
}
