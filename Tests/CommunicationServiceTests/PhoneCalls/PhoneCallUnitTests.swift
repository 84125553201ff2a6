import Testing
import Shared
@testable import CommunicationService

@Suite("Phone calls: domain rules")
struct PhoneCallDomainTests {
    let today = LocalDate("2025-06-09")!

    func creation(_ body: JSONObject) throws(PhoneCallError) -> NewPhoneCall {
        try PhoneCallCreation(from: body, today: today).call
    }

    func error(_ body: JSONObject) -> PhoneCallError? {
        do { _ = try creation(body); return nil } catch { return error }
    }

    @Test("times are two integer parts H:MM within a day, rendered HH:MM")
    func times() {
        #expect(PhoneCallTime(request: "9:05")?.description == "09:05")
        #expect(PhoneCallTime(request: "10:5")?.description == "10:05")
        #expect(PhoneCallTime(request: "23:59")?.description == "23:59")
        for bad in ["10", "10:00:00", "24:00", "10:60", "a:00", ":00", "10:", "-1:00", " 10:00", "10:0x", ""] {
            #expect(PhoneCallTime(request: bad) == nil, "\(bad)")
        }
        #expect(PhoneCallTime(postgres: "14:30:00")?.description == "14:30")
        #expect(PhoneCallTime(postgres: "14:30:59.123")?.description == "14:30")
    }

    @Test("dates: ISO date or datetime, only the date counts")
    func dates() {
        #expect(PhoneCallCalendar.isoDate("2025-06-10") == LocalDate("2025-06-10"))
        #expect(PhoneCallCalendar.isoDate("2025-06-10T09:30") == LocalDate("2025-06-10"))
        #expect(PhoneCallCalendar.isoDate("2025-06-10 09:30:00.123+02:00") == LocalDate("2025-06-10"))
        #expect(PhoneCallCalendar.isoDate("2025-06-10T09:30:00Z") == LocalDate("2025-06-10"))
        for bad in ["2025-13-01", "2025-02-30", "10.06.2025", "2025-06-10T", "2025-06-10T25:00", "2025-06-10X", "tomorrow", ""] {
            #expect(PhoneCallCalendar.isoDate(bad) == nil, "\(bad)")
        }
        #expect(LocalDate("2024-02-28")!.nextDay() == LocalDate("2024-02-29"))
        #expect(LocalDate("2025-12-31")!.nextDay() == LocalDate("2026-01-01"))
    }

    @Test("RFC 822 timestamps as Flask-RESTful wrote them")
    func rfc822() {
        let stamp = UTCTimestamp("2025-06-09 10:30:00")!
        #expect(PhoneCallCalendar.rfc822(stamp) == "Mon, 09 Jun 2025 10:30:00 -0000")
        #expect(PhoneCallCalendar.rfc822(UTCTimestamp("1970-01-01 00:00:00.5")!) == "Thu, 01 Jan 1970 00:00:00 -0000")
        #expect(PhoneCallCalendar.rfc822(UTCTimestamp("2024-02-29 23:59:59")!) == "Thu, 29 Feb 2024 23:59:59 -0000")
        #expect(PhoneCallCalendar.rfc822(UTCTimestamp("1969-12-31 23:00:00")!) == "Wed, 31 Dec 1969 23:00:00 -0000")
    }

    @Test("the slot finder looks one day after the requested date and prefers 10:00, then 14:00")
    func slotFinder() {
        let finder = PhoneCallSlotFinder(therapistID: 7, requestedDate: LocalDate("2025-06-10")!)
        #expect(finder.day == LocalDate("2025-06-11"))
        let ten = PhoneCallTime(hour: 10, minute: 0)!, two = PhoneCallTime(hour: 14, minute: 0)!
        #expect(finder.firstFree(taken: []) == ten)
        #expect(finder.firstFree(taken: [ten]) == two)
        #expect(finder.firstFree(taken: [two]) == ten)
        #expect(finder.firstFree(taken: [ten, two]) == nil)
    }

    @Test("create: defaults, the patient 5 → 10 rule, 0 ids count as absent")
    func createDefaults() throws {
        let therapist = try creation(["therapist_id": 5])
        #expect(therapist.recipient == .therapist(5) && therapist.dauerMinuten == 5 && therapist.status == .geplant)
        #expect(therapist.geplantesDatum == LocalDate("2025-06-10") && therapist.geplanteZeit == nil)
        let patient = try creation(["patient_id": 6, "therapist_id": 0, "therapeutenanfrage_id": 0])
        #expect(patient.recipient == .patient(6) && patient.dauerMinuten == 10 && patient.therapeutenanfrageID == nil)
        #expect(patient.geplantesDatum == LocalDate("2025-06-10") && patient.geplanteZeit?.description == "10:00")
        #expect(try creation(["patient_id": 6, "dauer_minuten": 5]).dauerMinuten == 10)
        #expect(try creation(["patient_id": 6, "dauer_minuten": 15]).dauerMinuten == 15)
        #expect(try creation(["therapist_id": 5, "dauer_minuten": 15]).dauerMinuten == 15)
        #expect(try creation(["patient_id": 6, "dauer_minuten": "5"]).dauerMinuten == 10)
        let explicit = try creation(["therapist_id": 5, "geplantes_datum": "2025-07-01T08:00:00", "geplante_zeit": "9:30",
                                     "status": "abgeschlossen", "notizen": "Hallo", "therapeutenanfrage_id": 12])
        #expect(explicit.geplantesDatum == LocalDate("2025-07-01") && explicit.geplanteZeit?.description == "09:30")
        #expect(explicit.status == .abgeschlossen && explicit.notizen == "Hallo" && explicit.therapeutenanfrageID == 12)
        #expect(try creation(["therapist_id": 5, "geplantes_datum": "", "geplante_zeit": "", "status": ""]).status == .geplant)
    }

    @Test("create: the spec's messages in its order")
    func createErrors() {
        #expect(error([:]) == .invalid("Either therapist_id or patient_id is required"))
        #expect(error(["therapist_id": 0, "patient_id": 0]) == .invalid("Either therapist_id or patient_id is required"))
        #expect(error(["therapist_id": 1, "patient_id": 2]) == .invalid("Cannot specify both therapist_id and patient_id"))
        #expect(error(["therapist_id": 1, "patient_id": 2, "geplantes_datum": "x"]) == .invalid("Cannot specify both therapist_id and patient_id"))
        #expect(error(["therapist_id": 1, "geplantes_datum": "2025-02-30", "geplante_zeit": "x"]) == .invalid("Invalid date format: 2025-02-30"))
        #expect(error(["therapist_id": 1, "geplante_zeit": "10.30", "status": "x"]) == .invalid("Invalid time format: 10.30"))
        #expect(error(["patient_id": 1, "geplante_zeit": "10:00:00"]) == .invalid("Invalid time format: 10:00:00"))
        #expect(error(["therapist_id": 1, "status": "erledigt"]) == .invalid("Invalid status value: erledigt"))
        #expect(error(["therapist_id": "abc"]) == .invalidField(field: "therapist_id", text: "invalid literal for int() with base 10: 'abc'"))
        #expect(error(["patient_id": 1, "dauer_minuten": true]) == .invalidField(field: "dauer_minuten", text: "Must be an integer"))
        #expect(error(["notizen": ["a"], "patient_id": 1]) == .invalidField(field: "notizen", text: "Must be a string"))
        #expect(error(["therapist_id": 3_000_000_000]) == .invalid("therapist_id: must be between 0 and 2147483647"))
    }

    @Test("update: status, dates, times in this order; nulls and empty values are not provided")
    func updateRules() throws {
        func changes(_ body: JSONObject) throws(PhoneCallError) -> PhoneCallChanges {
            try PhoneCallChanges(try PhoneCallChanges.parse(body))
        }
        func updateError(_ body: JSONObject) -> PhoneCallError? {
            do { _ = try changes(body); return nil } catch { return error }
        }
        #expect(updateError(["status": "x", "geplantes_datum": "y"]) == .invalid("Invalid status value: x"))
        #expect(updateError(["geplantes_datum": "y", "tatsaechliches_datum": "z"]) == .invalid("Invalid date format for geplantes_datum: y"))
        #expect(updateError(["tatsaechliches_datum": "z", "geplante_zeit": "q"]) == .invalid("Invalid date format for tatsaechliches_datum: z"))
        #expect(updateError(["geplante_zeit": "q", "tatsaechliche_zeit": "r"]) == .invalid("Invalid time format for geplante_zeit: q"))
        #expect(updateError(["tatsaechliche_zeit": "r"]) == .invalid("Invalid time format for tatsaechliche_zeit: r"))
        #expect(updateError(["dauer_minuten": "x"]) == .invalidField(field: "dauer_minuten", text: "invalid literal for int() with base 10: 'x'"))
        let none = try changes(["status": .null, "geplantes_datum": "", "ergebnis": .null, "therapeutenanfrage_id": .null])
        #expect(try none == changes([:]))
        let some = try changes(["ergebnis": "", "therapeutenanfrage_id": 0, "tatsaechliche_zeit": "8:15"])
        #expect(some.ergebnis == "" && some.therapeutenanfrageID == .some(nil) && some.tatsaechlicheZeit?.description == "08:15")
    }
}
