import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.7.
    @Suite("CommunicationHistory") struct History {
        static let patient = Fixture.patient { $0.letzterKontakt = date("2025-06-07") }

        static func email(_ id: Int, sent: JSONValue? = nil, created: JSONValue? = nil) -> JSONValue {
            var object = JSONObject([(key: "id", value: .number(String(id))), (key: "betreff", value: .string("Betreff \(id)")),
                                     (key: "status", value: "Gesendet"), (key: "antwort_erhalten", value: false)])
            if let sent { object["gesendet_am"] = sent }
            if let created { object["created_at"] = created }
            return .object(object)
        }

        static func call(_ id: Int, day: JSONValue? = nil, time: JSONValue? = nil) -> JSONValue {
            var object = JSONObject([(key: "id", value: .number(String(id))), (key: "status", value: "geplant"),
                                     (key: "ergebnis", value: "erreicht")])
            if let day { object["geplantes_datum"] = day }
            if let time { object["geplante_zeit"] = time }
            return .object(object)
        }

        static func dates(_ history: CommunicationHistory) -> [JSONValue?] { history.communications.map { $0["date"] } }
        static func ids(_ history: CommunicationHistory) -> [String] {
            history.communications.map { ($0["type"]?.stringValue ?? "?") + "#" + ($0["id"].map { JSONWriter().string($0) } ?? "?") }
        }

        @Test("the header carries id, full name, last contact and the two list lengths")
        func header() {
            let history = CommunicationHistory(patient: Self.patient, emails: [Self.email(1), Self.email(2)], calls: [Self.call(3)])
            #expect(history.patientID == 7)
            #expect(history.patientName == "Erika Mustermann")
            #expect(history.lastContact == date("2025-06-07"))
            #expect(history.totalEmails == 2)
            #expect(history.totalCalls == 1)
            #expect(history.communications.count == 3)
            let empty = CommunicationHistory(patient: Fixture.patient(), emails: [], calls: [])
            #expect(empty.lastContact == nil)
            #expect(empty.totalEmails == 0 && empty.totalCalls == 0 && empty.communications.isEmpty)
        }

        @Test("an email item has type, id, date = gesendet_am, subject, status, response_received and the email as data")
        func emailItem() {
            let email = Self.email(5, sent: "2025-06-07T10:11:12", created: "2025-06-01T08:00:00")
            let history = CommunicationHistory(patient: Self.patient, emails: [email], calls: [])
            let expected: JSONValue = ["type": "email", "id": 5, "date": "2025-06-07T10:11:12", "subject": "Betreff 5",
                                       "status": "Gesendet", "response_received": false, "data": email]
            #expect(history.communications == [expected])
            #expect(history.communications.first?.objectValue?.keys == ["type", "id", "date", "subject", "status", "response_received", "data"])
        }

        @Test("an unsent email (gesendet_am null or absent) is dated by created_at; with neither the date is null",
              arguments: [
                  (.null, "2025-06-01T08:00:00", "2025-06-01T08:00:00"),
                  (nil, "2025-06-01T08:00:00", "2025-06-01T08:00:00"),
                  (.null, nil, .null), (nil, nil, .null), (.null, .null, .null),
              ] as [(JSONValue?, JSONValue?, JSONValue)])
        func emailDateFallback(sent: JSONValue?, created: JSONValue?, expected: JSONValue) {
            let history = CommunicationHistory(patient: Self.patient, emails: [Self.email(1, sent: sent, created: created)], calls: [])
            #expect(history.communications.first?["date"] == expected)
        }

        @Test("a missing email member becomes null in the item")
        func emailMissingMembers() {
            let history = CommunicationHistory(patient: Self.patient, emails: [["id": 9]], calls: [])
            #expect(history.communications == [["type": "email", "id": 9, "date": .null, "subject": .null, "status": .null,
                                                 "response_received": .null, "data": ["id": 9]]])
        }

        @Test("a phone item has type, id, date '<geplantes_datum> <geplante_zeit>', status, outcome = ergebnis and data")
        func callItem() {
            let call = Self.call(3, day: "2025-06-09", time: "10:30")
            let history = CommunicationHistory(patient: Self.patient, emails: [], calls: [call])
            let expected: JSONValue = ["type": "phone_call", "id": 3, "date": "2025-06-09 10:30", "status": "geplant",
                                       "outcome": "erreicht", "data": call]
            #expect(history.communications == [expected])
            #expect(history.communications.first?.objectValue?.keys == ["type", "id", "date", "status", "outcome", "data"])
        }

        @Test("missing call date or time parts show as None, like Python's f-string",
              arguments: [(nil, "10:30", "None 10:30"), ("2025-06-09", nil, "2025-06-09 None"), (nil, nil, "None None"),
                          (.null, .null, "None None")] as [(JSONValue?, JSONValue?, String)])
        func callDateParts(day: JSONValue?, time: JSONValue?, expected: String) {
            let history = CommunicationHistory(patient: Self.patient, emails: [], calls: [Self.call(1, day: day, time: time)])
            #expect(history.communications.first?["date"] == .string(expected))
        }

        @Test("items are sorted by the date string descending, across emails and calls")
        func sortedDescending() {
            let emails = [Self.email(1, sent: "2025-06-01T09:00:00"), Self.email(2, sent: "2025-06-10T09:00:00")]
            let calls = [Self.call(3, day: "2025-06-05", time: "10:00"), Self.call(4, day: "2025-06-12", time: "08:00")]
            let history = CommunicationHistory(patient: Self.patient, emails: emails, calls: calls)
            #expect(Self.ids(history) == ["phone_call#4", "email#2", "phone_call#3", "email#1"])
        }

        @Test("the comparison is a plain string comparison: on the same day 'T' sorts above ' '")
        func plainStringComparison() {
            let history = CommunicationHistory(patient: Self.patient, emails: [Self.email(1, sent: "2025-06-07T08:00:00")],
                                               calls: [Self.call(2, day: "2025-06-07", time: "23:00")])
            #expect(Self.ids(history) == ["email#1", "phone_call#2"])
        }

        @Test("items without a date string sort last, keeping their order")
        func nullsLast() {
            let emails = [Self.email(1), Self.email(2, sent: "2025-01-01T00:00:00"), Self.email(3, created: .null), Self.email(4, sent: 5)]
            let calls = [Self.call(5, day: "2024-01-01", time: "09:00")]
            let history = CommunicationHistory(patient: Self.patient, emails: emails, calls: calls)
            #expect(Self.ids(history) == ["email#2", "phone_call#5", "email#1", "email#3", "email#4"])
        }

        @Test("equal dates keep the input order: emails before calls, each in the service's order")
        func stableTies() {
            let emails = [Self.email(1, sent: "2025-06-09 10:30"), Self.email(2, sent: "2025-06-09 10:30")]
            let calls = [Self.call(3, day: "2025-06-09", time: "10:30"), Self.call(4, day: "2025-06-09", time: "10:30")]
            let history = CommunicationHistory(patient: Self.patient, emails: emails, calls: calls)
            #expect(Self.ids(history) == ["email#1", "email#2", "phone_call#3", "phone_call#4"])
            let reversed = CommunicationHistory(patient: Self.patient, emails: emails.reversed(), calls: calls.reversed())
            #expect(Self.ids(reversed) == ["email#2", "email#1", "phone_call#4", "phone_call#3"])
        }
    }
}
