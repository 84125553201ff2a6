import Testing
import Shared
import TestSupport
@testable import MatchingService

/// matching.md §7: the daily follow-up reminders, run on demand with a threshold of 0 days so
/// that anything sent is due. The run sees every due anfrage of the shared database; the others
/// belong to therapists this fixture's fakes do not know (skipped), so only this test's
/// anfragen are asserted on.
@Suite("Follow-up reminders")
struct ReminderHTTPTests {
    @Test("one reminder email per anfrage, a phone call for a therapist without email, none for phone sends")
    func reminders() async throws {
        try await MatchingFixture.with(environment: ["FOLLOW_UP_THRESHOLD_DAYS": "0"]) { f in
            // Sent by email, therapist still has an email → reminder email.
            let byEmail = try await f.bundleWorld(patients: 2, therapist: ["anrede": "Herr", "geschlecht": "männlich",
                                                                            "titel": .null, "nachname": "Berger"])
            try await f.send(byEmail.anfrageID)
            // Sent by phone → never a reminder.
            let byPhone = try await f.bundleWorld(patients: 1, therapist: ["email": .null])
            try await f.send(byPhone.anfrageID)
            // Sent by email, the therapist's email removed since → a reminder phone call.
            let lostEmail = try await f.bundleWorld(patients: 1)
            try await f.send(lostEmail.anfrageID)
            var changed = lostEmail.therapist.objectValue ?? [:]
            changed["email"] = .null
            changed["telefonische_erreichbarkeit"] = ["Di": ["8:00-9:00"]]
            f.peers.addTherapist(.object(changed))
            // Answered → no reminder; unsent → no reminder.
            let answered = try await f.bundleWorld(patients: 1)
            try await f.send(answered.anfrageID)
            #expect(try await f.put("/api/therapeutenanfragen/\(answered.anfrageID)/antwort",
                                    ["patient_responses": ["\(answered.patientIDs[0])": "abgelehnt_Kapazitaet"]]).status == 200)
            let unsent = try await f.bundleWorld(patients: 1)
            // A patient of the bundle the patient service no longer knows → no reminder (§8.2).
            let patientGone = try await f.bundleWorld(patients: 1)
            try await f.send(patientGone.anfrageID)
            f.peers.removePatient(patientGone.patientIDs[0])

            let mine = Set([byEmail, byPhone, lostEmail, answered, unsent, patientGone].map(\.therapistID))
            func myEmails() -> [JSONValue] { f.peers.emails.filter { mine.contains($0["therapist_id"]?.intValue ?? -1) } }
            func myCalls() -> [JSONValue] { f.peers.phoneCalls.filter { mine.contains($0["therapist_id"]?.intValue ?? -1) } }
            let emailsBefore = myEmails().count, callsBefore = myCalls().count
            #expect(emailsBefore == 4 && callsBefore == 1)  // the sends
            let today = LocalDate.localToday()

            let outcome = await f.harness.runtime.app.reminders.runNow()
            #expect(outcome.emails >= 1 && outcome.phoneCalls >= 1)

            let reminders = myEmails().dropFirst(emailsBefore)
            #expect(reminders.count == 1)
            let reminder = try #require(reminders.first)
            #expect(reminder["betreff"] == .string("Erinnerung: Therapieanfrage - Ref: A\(byEmail.anfrageID)"))
            #expect(reminder["therapist_id"] == .int(byEmail.therapistID))
            #expect(reminder["empfaenger_email"] == byEmail.therapist["email"])
            #expect(reminder["add_legal_footer"] == true)
            let markdown = reminder["inhalt_markdown"]?.stringValue ?? ""
            #expect(markdown.contains("Sehr geehrter Herr Berger,"))
            #expect(markdown.contains("**Patienten-ID:** \(byEmail.patientIDs[0])"))
            #expect(f.peers.emailUpdates.contains { $0.id == reminder["id"]?.intValue && $0.body == ["status": "In_Warteschlange"] })

            let calls = myCalls().dropFirst(callsBefore)
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(call["therapist_id"] == .int(lostEmail.therapistID))
            #expect(call["therapeutenanfrage_id"] == .int(lostEmail.anfrageID))
            #expect(call["geplantes_datum"] == .string(nextWeekday(2, after: today).description))
            #expect(call["geplante_zeit"] == "8:00")
            #expect(call["notizen"] == .string("Follow-up für Anfrage A\(lostEmail.anfrageID)"))
            #expect(f.peers.phoneCalls.filter { $0["therapeutenanfrage_id"] == .int(byPhone.anfrageID) }.count == 1)
            let lostDetails = try await f.get("/api/therapeutenanfragen/\(lostEmail.anfrageID)").json
            #expect(lostDetails["phone_call_id"] == call["id"])

            // Each anfrage gets at most one reminder.
            _ = await f.harness.runtime.app.reminders.runNow()
            #expect(myEmails().count == emailsBefore + 1)
            #expect(myCalls().count == callsBefore + 1)
        }
    }
}
