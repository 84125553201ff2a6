import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.2 date rule and README §5.5 (strict `YYYY-MM-DD`).
    @Suite("PatientInput: dates") struct Dates {
        static let fields: [PatientField] = [
            .geburtsdatum, .letzteSitzungVorherigePsychotherapie, .ersterTherapieplatzAm, .funktionierenderTherapieplatzAm,
        ]

        static let malformed: [JSONValue] = [
            "2025-1-5", "2025-01-5", "25-01-05", "2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
            "0000-01-01", "05.01.2025", "2025/01/05", "2025-01-05T10:00:00", "2025-01-05 ", " 2025-01-05", "20250105",
            "2025-01-0x", "２０２５-01-05", "x",
            .number("20250105"), .number("0"), .bool(true), .bool(false), ["2025-01-05"], ["date": "2025-01-05"],
        ]

        @Test("a malformed or impossible date, or a non-string, is 'Invalid date format for <field>', in both modes",
              arguments: fields, malformed)
        func malformedDate(field: PatientField, value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: member(field.rawValue, value), mode)
                    == .invalid("Invalid date format for \(field.rawValue). Use YYYY-MM-DD"))
            }
        }

        @Test("valid dates are accepted as calendar dates, including leap days and the extremes",
              arguments: fields, ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "1985-07-14"])
        func validDate(field: PatientField, text: String) throws {
            for mode in bothModes {
                #expect(try changes(adding: member(field.rawValue, .string(text)), mode)[field] == .date(date(text)))
            }
        }

        @Test("an empty string or null counts as not provided", arguments: fields, [JSONValue.string(""), .null])
        func emptyIsAbsent(field: PatientField, value: JSONValue) throws {
            for mode in bothModes {
                #expect(try changes(adding: member(field.rawValue, value), mode)[field] == nil)
            }
        }

        @Test("an empty date on update leaves the stored date unchanged")
        func emptyKeepsStored() throws {
            let stored = Fixture.patient { $0.geburtsdatum = date("1980-03-04") }
            let result = try PatientInput.changes(from: Fixture.parse(#"{"geburtsdatum": ""}"#), mode: .update)
            #expect(result.applied(to: stored).geburtsdatum == date("1980-03-04"))
        }

        @Test("the first invalid date in declaration order is reported")
        func firstInvalidDate() {
            let body: JSONValue = ["funktionierender_therapieplatz_am": "x", "letzte_sitzung_vorherige_psychotherapie": "y",
                                   "geburtsdatum": "2025-02-30"]
            #expect(failure(adding: body, .update) == .invalid("Invalid date format for geburtsdatum. Use YYYY-MM-DD"))
            #expect(failure(adding: ["funktionierender_therapieplatz_am": "x", "erster_therapieplatz_am": "y"], .create)
                == .invalid("Invalid date format for erster_therapieplatz_am. Use YYYY-MM-DD"))
        }
    }
}
