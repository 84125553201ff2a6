import Testing
import Shared
import TestSupport
@testable import MatchingService

/// matching.md §6.3 (senden), §6.4 (antwort) and §9 (phone calls) over HTTP.
@Suite("Senden and Antwort HTTP")
struct SendAnswerHTTPTests {
    static let outcomes = ["angenommen", "abgelehnt_Kapazitaet", "abgelehnt_nicht_geeignet", "abgelehnt_sonstiges",
                           "nicht_erschienen", "in_Sitzungen"]

    @Test("senden by email: inquiry email, queued, anfrage marked sent; a second send is a 400")
    func sendByEmail() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2, therapist: ["titel": "Dr.", "vorname": "Eva", "nachname": "Klein"])
            let response = try await f.post("/api/therapeutenanfragen/\(world.anfrageID)/senden", .object([:]))
            #expect(response.status == 200)
            #expect(response.json.keys == ["message", "anfrage_id", "communication_type", "email_id", "phone_call_id", "sent_date"])
            #expect(response.json["message"] == "Anfrage sent successfully")
            #expect(response.json["anfrage_id"] == .int(world.anfrageID))
            #expect(response.json["communication_type"] == "email")
            #expect(response.json["phone_call_id"] == .null)
            let sentDate = try #require(response.json["sent_date"]?.stringValue)
            #expect(UTCTimestamp(iso8601: sentDate) != nil)

            let emails = f.peers.emails
            #expect(emails.count == 1)
            let email = try #require(emails.first)
            #expect(response.json["email_id"] == email["id"])
            #expect(email["betreff"] == .string("Suche Psychotherapieplätze - Ref: A\(world.anfrageID)"))
            #expect(email["therapist_id"] == .int(world.therapistID))
            #expect(email["empfaenger_email"] == world.therapist["email"])
            #expect(email["empfaenger_name"] == "Dr. Eva Klein")
            #expect(email["add_legal_footer"] == true)
            let markdown = email["inhalt_markdown"]?.stringValue ?? ""
            #expect(markdown.contains("Sehr geehrte Frau Dr. Klein,"))
            #expect(markdown.contains("**Patienten-ID:** \(world.patientIDs[0])") && markdown.contains("**Patienten-ID:** \(world.patientIDs[1])"))
            #expect(markdown.contains("Erika Beispiel"))
            let updates = f.peers.emailUpdates
            #expect(updates.count == 1)
            #expect(updates.first?.id == email["id"]?.intValue)
            #expect(updates.first?.body == ["status": "In_Warteschlange"])
            #expect(f.peers.phoneCalls.isEmpty)

            let details = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)").json
            #expect(details["gesendet_datum"] == .string(sentDate))
            #expect(details["email_id"] == email["id"] && details["phone_call_id"] == .null)

            let again = try await f.post("/api/therapeutenanfragen/\(world.anfrageID)/senden", .object([:]))
            #expect(again.status == 400)
            #expect(again.message == "Anfrage already sent")
            #expect(again.json["sent_date"] == .string(sentDate))
            #expect(f.peers.emails.count == 1)

            let missing = try await f.post("/api/therapeutenanfragen/\(MatchingIDs.unknownRow)/senden", .object([:]))
            #expect(missing.status == 404)
            #expect(missing.message == "Anfrage \(MatchingIDs.unknownRow) not found")
        }
    }

    @Test("senden to a therapist without email: a phone call on the next Tuesday at 8:00")
    func sendByPhone() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 1, therapist: ["email": .null,
                                                                          "telefonische_erreichbarkeit": ["Di": ["8:00-9:00"]]])
            let today = LocalDate.localToday()
            let response = try await f.send(world.anfrageID)
            #expect(response.json["communication_type"] == "phone_call")
            #expect(response.json["email_id"] == .null)
            let calls = f.peers.phoneCalls
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(response.json["phone_call_id"] == call["id"])
            #expect(call["therapist_id"] == .int(world.therapistID))
            #expect(call["therapeutenanfrage_id"] == .int(world.anfrageID))
            #expect(call["geplantes_datum"] == .string(nextWeekday(2, after: today).description))
            #expect(call["geplante_zeit"] == "8:00")
            #expect(call["notizen"] == .string("Follow-up für Anfrage A\(world.anfrageID)"))
            #expect(f.peers.emails.isEmpty)
            let details = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)").json
            #expect(details["phone_call_id"] == call["id"] && details["email_id"] == .null)
            #expect(details["gesendet_datum"] == response.json["sent_date"])
        }
    }

    @Test("senden after a search of the bundle was deleted: 500 Patient data incomplete, still unsent")
    func sendWithIncompleteData() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2)
            #expect(try await f.delete("/api/platzsuchen/\(world.searchIDs[1])").status == 200)
            let response = try await f.post("/api/therapeutenanfragen/\(world.anfrageID)/senden", .object([:]))
            #expect(response.status == 500)
            #expect(response.message == "Failed to send anfrage: Patient data incomplete")
            #expect(f.peers.emails.isEmpty)
            #expect(try await f.get("/api/therapeutenanfragen/\(world.anfrageID)").json["gesendet_datum"] == .null)
        }
    }

    @Test("senden: failing communication service is a 500 naming the step; the anfrage stays unsent")
    func sendWithFailingCommunication() async throws {
        try await MatchingFixture.with { f in
            let email = try await f.bundleWorld(patients: 1)
            let phone = try await f.bundleWorld(patients: 1, therapist: ["email": .null])
            f.peers.failing(.communication, with: .internalServerError)
            let byEmail = try await f.post("/api/therapeutenanfragen/\(email.anfrageID)/senden", .object([:]))
            #expect(byEmail.status == 500)
            #expect(byEmail.message == "Failed to send anfrage: Email creation failed")
            let byPhone = try await f.post("/api/therapeutenanfragen/\(phone.anfrageID)/senden", .object([:]))
            #expect(byPhone.status == 500)
            #expect(byPhone.message == "Failed to send anfrage: Phone call scheduling failed")
            for id in [email.anfrageID, phone.anfrageID] {
                let details = try await f.get("/api/therapeutenanfragen/\(id)").json
                #expect(details["gesendet_datum"] == .null && details["email_id"] == .null && details["phone_call_id"] == .null)
            }
            // Once the service answers again, the same anfrage can be sent.
            f.peers.failing(.communication, with: nil)
            #expect(try await f.post("/api/therapeutenanfragen/\(email.anfrageID)/senden", .object([:])).status == 200)
        }
    }

    @Test("antwort: unsent, invalid outcome, missing and extra patients are 400s")
    func answerValidation() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 2)
            let (a, b) = (world.patientIDs[0], world.patientIDs[1])
            let path = "/api/therapeutenanfragen/\(world.anfrageID)/antwort"
            let unsent = try await f.put(path, ["patient_responses": ["\(a)": "angenommen", "\(b)": "angenommen"]])
            #expect(unsent.status == 400)
            #expect(unsent.message == "Cannot record response for unsent anfrage")
            try await f.send(world.anfrageID)

            let missingBody = try await f.put(path, ["notizen": "x"])
            #expect(missingBody.status == 400)
            #expect(missingBody.json["message"] == ["patient_responses": "Missing required parameter in the JSON body"])

            let invalid = try await f.put(path, ["patient_responses": ["\(a)": "vielleicht", "\(b)": "angenommen"]])
            #expect(invalid.status == 400)
            #expect(invalid.message == "Invalid patient response: \(a) -> vielleicht")
            #expect(Set(invalid.json["valid_outcomes"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(Self.outcomes))
            #expect(invalid.json["valid_outcomes"]?.arrayValue?.count == 6)
            let badKey = try await f.put(path, ["patient_responses": ["abc": "angenommen"]])
            #expect(badKey.status == 400 && badKey.message == "Invalid patient response: abc -> angenommen")

            let missing = try await f.put(path, ["patient_responses": ["\(a)": "angenommen"]])
            #expect(missing.status == 400)
            #expect(missing.message == "Missing responses for some patients")
            #expect(missing.json["missing_patient_ids"] == [.int(b)])

            let stranger = MatchingIDs.next()
            let extra = try await f.put(path, ["patient_responses": ["\(a)": "angenommen", "\(b)": "angenommen",
                                                                     "\(stranger)": "angenommen"]])
            #expect(extra.status == 400)
            #expect(extra.message == "Responses provided for patients not in anfrage")
            #expect(extra.json["extra_patient_ids"] == [.int(stranger)])

            let details = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)").json
            #expect(details["antwort_datum"] == .null && details["antworttyp"] == .null)
            #expect(details["patients"]?.arrayValue?.allSatisfy { $0["antwortergebnis"] == .null } == true)

            let missingAnfrage = try await f.put("/api/therapeutenanfragen/\(MatchingIDs.unknownRow)/antwort",
                                                 ["patient_responses": ["\(a)": "angenommen"]])
            #expect(missingAnfrage.status == 404 && missingAnfrage.message == "Anfrage \(MatchingIDs.unknownRow) not found")
        }
    }

    @Test("antwort with all six outcomes: 200, counts, statuses, placement, exclusion and cooling period")
    func answerEveryOutcome() async throws {
        try await MatchingFixture.with { f in
            let world = try await f.bundleWorld(patients: 6)
            let ids = world.patientIDs, tid = world.therapistID
            try await f.send(world.anfrageID)
            var responses = JSONObject()
            for (id, outcome) in zip(ids, Self.outcomes) { responses["\(id)"] = .string(outcome) }
            let response = try await f.put("/api/therapeutenanfragen/\(world.anfrageID)/antwort",
                                           ["patient_responses": .object(responses), "notizen": "Telefonisch bestätigt"])
            #expect(response.status == 200)
            #expect(response.json == [
                "message": "Anfrage response recorded successfully", "anfrage_id": .int(world.anfrageID),
                "response_type": "teilweise_Annahme",
                "angenommene_patienten": [["patient_id": .int(ids[0]), "platzsuche_id": .int(world.searchIDs[0])]],
                "antwort_zusammenfassung": ["accepted": 1, "rejected": 3, "no_response": 2],
            ])

            let details = try await f.get("/api/therapeutenanfragen/\(world.anfrageID)").json
            #expect(details["antworttyp"] == "teilweise_Annahme")
            #expect(details["antwort_datum"]?.stringValue != nil)
            #expect(details["antwort_zusammenfassung"]?["total_accepted"] == 1)
            #expect(details["antwort_zusammenfassung"]?["total_rejected"] == 3)
            #expect(details["antwort_zusammenfassung"]?["antwort_vollstaendig"] == true)
            let entries = details["patients"]?.arrayValue ?? []
            #expect(entries.map { $0["antwortergebnis"]?.stringValue } == Self.outcomes)
            #expect(entries.map { $0["status"]?.stringValue }
                        == ["angenommen", "abgelehnt", "abgelehnt", "abgelehnt", "keine_antwort", "anstehend"])
            #expect(matches(details["notizen"]?.stringValue, #"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}\] Telefonisch bestätigt"#))

            // Accepted: the placed therapist and a System note; the search stays aktiv.
            let accepted = try await f.get("/api/platzsuchen/\(world.searchIDs[0])").json
            #expect(accepted["vermittelter_therapeut_id"] == .int(tid))
            #expect(accepted["status"] == "aktiv")
            #expect(matches(accepted["notizen"]?.stringValue,
                            #"\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(System\)\] Patient accepted by therapist \#(tid) via anfrage \#(world.anfrageID)"#))
            // Not suitable: excluded in the search's list (as an object).
            let unsuitable = try await f.get("/api/platzsuchen/\(world.searchIDs[2])").json
            let exclusions = unsuitable["ausgeschlossene_therapeuten"]?.arrayValue ?? []
            #expect(exclusions.count == 1)
            #expect(exclusions.first?["id"] == .int(tid))
            #expect(exclusions.first?["reason"] == "Rejected: abgelehnt_nicht_geeignet")
            #expect(UTCTimestamp(iso8601: exclusions.first?["excluded_at"]?.stringValue ?? "") != nil)
            // The other searches are untouched.
            for index in [1, 3, 4, 5] {
                let search = try await f.get("/api/platzsuchen/\(world.searchIDs[index])").json
                #expect(search["ausgeschlossene_therapeuten"] == [] && search["vermittelter_therapeut_id"] == .null)
            }
            // Cooling period: 28 days from today (UTC).
            #expect(f.peers.therapist(tid)?["naechster_kontakt_moeglich"]
                        == .string(UTCTimestamp.now().date.adding(days: 28).description))
            // The excluded therapist no longer gets this patient.
            let again = try await f.createBundle(world.therapist, prefix: world.prefix)
            #expect(again.status == 201)
            #expect(again.json["patient_ids"]?.arrayValue?.contains(.int(ids[2])) == false)
        }
    }

    @Test("antwort: the response type comes from the new counts on the first answer")
    func answerResponseTypes() async throws {
        try await MatchingFixture.with { f in
            let cases: [([String], String, Int, Int, Int)] = [
                (["angenommen", "angenommen"], "vollstaendige_Annahme", 2, 0, 0),
                (["abgelehnt_Kapazitaet", "abgelehnt_sonstiges"], "vollstaendige_Ablehnung", 0, 2, 0),
                (["nicht_erschienen", "abgelehnt_Kapazitaet"], "keine_Antwort", 0, 1, 1),
                (["in_Sitzungen", "angenommen"], "teilweise_Annahme", 1, 0, 1),
            ]
            for (outcomes, type, accepted, rejected, noResponse) in cases {
                let world = try await f.bundleWorld(patients: 2)
                try await f.send(world.anfrageID)
                let body: JSONValue = ["patient_responses": [
                    "\(world.patientIDs[0])": .string(outcomes[0]), "\(world.patientIDs[1])": .string(outcomes[1]),
                ]]
                let response = try await f.put("/api/therapeutenanfragen/\(world.anfrageID)/antwort", body)
                #expect(response.status == 200, "\(outcomes)")
                #expect(response.json["response_type"] == .string(type), "\(outcomes)")
                #expect(response.json["antwort_zusammenfassung"] == [
                    "accepted": .int(accepted), "rejected": .int(rejected), "no_response": .int(noResponse)], "\(outcomes)")
                let listed = try await f.anfragen(of: world.therapist)
                let item = listed.json["data"]?[0]
                #expect(item?["antworttyp"] == .string(type))
                #expect(item?["angenommen_anzahl"] == .int(accepted) && item?["abgelehnt_anzahl"] == .int(rejected))
                #expect(item?["keine_antwort_anzahl"] == .int(noResponse))
            }
        }
    }
}
