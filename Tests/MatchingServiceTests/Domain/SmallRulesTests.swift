import Testing
import Shared
@testable import MatchingService

@Suite("Matching small rules") struct SmallRulesTests {
    @Test("notes: line with and without author, appending")
    func notes() {
        let time = UTCTimestamp("2025-06-07 10:11:12.5")!
        #expect(Notes.line("Hallo", author: "API", at: time) == "[2025-06-07 10:11 (API)] Hallo")
        #expect(Notes.line("Hallo", author: nil, at: time) == "[2025-06-07 10:11] Hallo")
        #expect(Notes.appending("b", to: nil) == "b")
        #expect(Notes.appending("b", to: "") == "b")
        #expect(Notes.appending("b", to: "a") == "a\nb")
    }

    @Test("Ausschlussliste: ints and objects, the stored entry")
    func ausschlussliste() {
        let list: JSONValue = [3, ["id": 7, "reason": "x"]]
        #expect(Ausschlussliste.contains(3, in: list))
        #expect(Ausschlussliste.contains(7, in: list))
        #expect(!Ausschlussliste.contains(4, in: list))
        let time = UTCTimestamp("2025-06-07 10:11:12")!
        #expect(Ausschlussliste.entry(4, reason: "Rejected: abgelehnt_nicht_geeignet", at: time)
                == ["id": 4, "excluded_at": "2025-06-07T10:11:12", "reason": "Rejected: abgelehnt_nicht_geeignet"])
    }

    @Test("phone slot: next day with hours, Sunday and month end, fallback", arguments: [
        (["Di": ["8:00-9:00"]] as JSONValue, "2025-06-15", "2025-06-17", "8:00"),   // Sunday → Tuesday
        (["Mo": [" 10:00 - 11:00"]] as JSONValue, "2025-06-30", "2025-07-07", "10:00"), // Monday month end → next Monday
        (["So": ["14:00-15:00"]] as JSONValue, "2025-06-15", "2025-06-22", "14:00"),  // same weekday a week later
        (["montag": ["8:00-9:00"], "Mi": []] as JSONValue, "2025-06-30", "2025-07-01", "12:00"), // unknown keys → fallback
        ([:] as JSONValue, "2025-12-31", "2026-01-01", "12:00"),
    ])
    func phoneSlot(hours: JSONValue, today: String, date: String, time: String) {
        let slot = PhoneCallSlot.next(phoneHours: hours, today: LocalDate(today)!, defaultTime: "12:00")
        #expect(slot.date == LocalDate(date)!)
        #expect(slot.time == time)
    }

    @Test("search eligibility: every reason in order")
    func eligibility() {
        let cases: [([(String, JSONValue)], String?)] = [
            ([], nil),
            ([("symptome", [])], nil),
            ([("geschlecht", .null), ("krankenkasse", "  ")], "Patient field 'geschlecht' is required and cannot be empty"),
            ([("symptome", .null)], "Patient field 'symptome' is required and cannot be empty"),
            ([("krankenkasse", " ")], "Patient field 'krankenkasse' is required and cannot be empty"),
            ([("geburtsdatum", "")], "Patient field 'geburtsdatum' is required and cannot be empty"),
            ([("erfahrung_mit_psychotherapie", .null)], "Patient field 'erfahrung_mit_psychotherapie' must be explicitly set (true/false)"),
            ([("offen_fuer_gruppentherapie", .null)], "Patient field 'offen_fuer_gruppentherapie' must be explicitly set (true/false)"),
            ([("zeitliche_verfuegbarkeit", [:])], "Patient must have 'zeitliche_verfuegbarkeit' with at least one day/time"),
            ([("zeitliche_verfuegbarkeit", ["a"])], "Patient must have 'zeitliche_verfuegbarkeit' with at least one day/time"),
            ([("zeitliche_verfuegbarkeit", ["montag": [" "], "dienstag": []])], "Patient must have at least one valid time slot in 'zeitliche_verfuegbarkeit'"),
            ([("erfahrung_mit_psychotherapie", true)], "Field 'letzte_sitzung_vorherige_psychotherapie' is required when 'erfahrung_mit_psychotherapie' is true"),
            ([("erfahrung_mit_psychotherapie", true), ("letzte_sitzung_vorherige_psychotherapie", "2024-01-01")], nil),
        ]
        for (changes, reason) in cases {
            #expect(SearchEligibility.problem(with: World.patient(changes)) == reason)
        }
    }
}
