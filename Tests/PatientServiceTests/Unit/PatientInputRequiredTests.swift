import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.2 step 1 and the fixed null defect.
    @Suite("PatientInput: required fields") struct RequiredFields {
        static let required: [(field: String, message: String)] = [
            ("anrede", "anrede: Anrede is required"), ("geschlecht", "geschlecht: Geschlecht is required"),
            ("vorname", "vorname: Vorname is required"), ("nachname", "nachname: Nachname is required"),
        ]

        @Test("create reports a missing required field as '<field>: <Help>'", arguments: required)
        func missingField(field: String, message: String) {
            #expect(failure(of: Fixture.body(without: [field]), .create) == .invalid(message))
        }

        @Test("create reports a required field sent as JSON null like a missing one", arguments: required)
        func nullField(field: String, message: String) {
            #expect(failure(adding: member(field, .null), .create) == .invalid(message))
        }

        @Test("create reports only the first missing required field, in field order",
              arguments: [
                  ([], "anrede: Anrede is required"),
                  (["anrede"], "geschlecht: Geschlecht is required"),
                  (["nachname"], "anrede: Anrede is required"),
                  (["anrede", "geschlecht"], "vorname: Vorname is required"),
                  (["geschlecht", "vorname", "nachname"], "anrede: Anrede is required"),
                  (["anrede", "geschlecht", "vorname"], "nachname: Nachname is required"),
              ] as [([String], String)])
        func firstMissing(present: [String], message: String) {
            let body = Fixture.body().removing(Set(Fixture.required.map(\.key)).subtracting(present))
            #expect(failure(of: body, .create) == .invalid(message))
        }

        @Test("create with only the required fields yields exactly those four values")
        func requiredOnly() throws {
            let result = try PatientInput.changes(from: Fixture.body(), mode: .create)
            #expect(result.values.map(\.field) == [.anrede, .geschlecht, .vorname, .nachname])
            #expect(result[.anrede] == .text("Herr"))
            #expect(result[.geschlecht] == .text("männlich"))
            #expect(result[.vorname] == .text("Max"))
            #expect(result[.nachname] == .text("Mustermann"))
        }

        @Test("update requires nothing: an empty body is valid and changes nothing")
        func updateEmpty() throws {
            #expect(try PatientInput.changes(from: JSONObject(), mode: .update).values.isEmpty)
        }

        @Test("update ignores required fields sent as null (null means not provided)")
        func updateNullRequired() throws {
            let body = Fixture.parse(#"{"anrede": null, "geschlecht": null, "vorname": null, "nachname": null, "ort": "Berlin"}"#)
            let result = try PatientInput.changes(from: body, mode: .update)
            #expect(result.values.map(\.field) == [.ort])
        }

        @Test("an empty anrede or geschlecht is 'required' without a field prefix, in both modes",
              arguments: [("anrede", "Anrede is required"), ("geschlecht", "Geschlecht is required")], bothModes)
        func emptyVocabularyRequired(_ item: (field: String, message: String), mode: PatientInput.Mode) {
            #expect(failure(adding: member(item.field, ""), mode) == .invalid(item.message))
        }

        @Test("empty vorname and nachname pass (the key is present; the original accepts them)")
        func emptyNames() throws {
            let result = try changes(adding: ["vorname": "", "nachname": ""])
            #expect(result[.vorname] == .text(""))
            #expect(result[.nachname] == .text(""))
        }

        @Test("a missing required field beats an invalid value of an earlier field (parser phase first)")
        func missingBeatsInvalidEarlier() {
            let body = Fixture.body(["anrede": "Dr"]).removing(["nachname"])
            #expect(failure(of: body, .create) == .invalid("nachname: Nachname is required"))
        }

        @Test("a type error of an earlier field beats a missing later required field")
        func typeErrorBeatsLaterMissing() {
            let body = Fixture.body(["anrede": true]).removing(["vorname"])
            #expect(failure(of: body, .create) == .invalid("anrede: Must be a string"))
        }

        @Test("a missing required field beats a type error of a later optional field")
        func missingBeatsLaterTypeError() {
            let body = Fixture.body(["offen_fuer_diga": "ja", "zeitliche_verfuegbarkeit": "montags"]).removing(["vorname"])
            #expect(failure(of: body, .create) == .invalid("vorname: Vorname is required"))
        }
    }
}
