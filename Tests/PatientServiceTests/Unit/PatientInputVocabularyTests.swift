import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §2.2 rules for anrede, geschlecht, status and the two preferences (README §7).
    @Suite("PatientInput: vocabularies") struct Vocabularies {
        static let invalid: [(field: String, value: String, message: String)] = [
            ("anrede", "Dr", "Invalid anrede 'Dr'. Valid values: Herr, Frau"),
            ("anrede", "herr", "Invalid anrede 'herr'. Valid values: Herr, Frau"),
            ("anrede", " Herr", "Invalid anrede ' Herr'. Valid values: Herr, Frau"),
            ("geschlecht", "Männlich", "Invalid geschlecht 'Männlich'. Valid values: männlich, weiblich, divers, keine_Angabe"),
            ("geschlecht", "keine Angabe", "Invalid geschlecht 'keine Angabe'. Valid values: männlich, weiblich, divers, keine_Angabe"),
            ("status", "aktiv", "Invalid status 'aktiv'. Valid values: offen, auf_der_Suche, in_Therapie, Therapie_abgeschlossen, Suche_abgebrochen, Therapie_abgebrochen"),
            ("status", "Offen", "Invalid status 'Offen'. Valid values: offen, auf_der_Suche, in_Therapie, Therapie_abgeschlossen, Suche_abgebrochen, Therapie_abgebrochen"),
            ("bevorzugtes_therapeutengeschlecht", "männlich", "Invalid gender preference 'männlich'. Valid values: Männlich, Weiblich, Egal"),
            ("bevorzugtes_therapeutengeschlecht", "egal", "Invalid gender preference 'egal'. Valid values: Männlich, Weiblich, Egal"),
            ("bevorzugtes_therapieverfahren", "Egal", "Invalid therapy method 'Egal'. Valid values: egal, Verhaltenstherapie, tiefenpsychologisch_fundierte_Psychotherapie"),
            ("bevorzugtes_therapieverfahren", "Psychoanalyse", "Invalid therapy method 'Psychoanalyse'. Valid values: egal, Verhaltenstherapie, tiefenpsychologisch_fundierte_Psychotherapie"),
        ]

        @Test("an unknown value is rejected with the field's exact message, in both modes", arguments: invalid, bothModes)
        func invalidValue(_ item: (field: String, value: String, message: String), mode: PatientInput.Mode) {
            #expect(failure(adding: member(item.field, .string(item.value)), mode) == .invalid(item.message))
        }

        static let valid: [(field: PatientField, value: String)] =
            ["Herr", "Frau"].map { (.anrede, $0) }
            + ["männlich", "weiblich", "divers", "keine_Angabe"].map { (.geschlecht, $0) }
            + ["offen", "auf_der_Suche", "in_Therapie", "Therapie_abgeschlossen", "Suche_abgebrochen", "Therapie_abgebrochen"]
                .map { (.status, $0) }
            + ["Männlich", "Weiblich", "Egal"].map { (.bevorzugtesTherapeutengeschlecht, $0) }
            + ["egal", "Verhaltenstherapie", "tiefenpsychologisch_fundierte_Psychotherapie"].map { (.bevorzugtesTherapieverfahren, $0) }

        @Test("every exact spelling of README §7 is accepted, in both modes", arguments: valid, bothModes)
        func validValue(_ item: (field: PatientField, value: String), mode: PatientInput.Mode) throws {
            let result = try changes(adding: member(item.field.rawValue, .string(item.value)), mode)
            #expect(result[item.field] == .text(item.value))
        }

        @Test("an empty status or preference counts as not provided, in both modes",
              arguments: [PatientField.status, .bevorzugtesTherapeutengeschlecht, .bevorzugtesTherapieverfahren], bothModes)
        func emptyIsAbsent(field: PatientField, mode: PatientInput.Mode) throws {
            let result = try changes(adding: member(field.rawValue, ""), mode)
            #expect(result[field] == nil)
            #expect(!result.values.contains { $0.field == field })
        }

        @Test("a number is converted to text and then checked against the vocabulary")
        func numberIsText() {
            #expect(failure(adding: ["anrede": 1], .create) == .invalid("Invalid anrede '1'. Valid values: Herr, Frau"))
            #expect(failure(adding: ["status": .number("2.50")], .update)
                == .invalid("Invalid status '2.50'. Valid values: offen, auf_der_Suche, in_Therapie, Therapie_abgeschlossen, Suche_abgebrochen, Therapie_abgebrochen"))
        }

        @Test("a boolean, array or object where a vocabulary value is expected is a parser type error",
              arguments: ["anrede", "geschlecht", "status", "bevorzugtes_therapeutengeschlecht", "bevorzugtes_therapieverfahren"],
              [JSONValue.bool(true), ["Herr"], ["x": "Herr"]])
        func wrongType(field: String, value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: member(field, value), mode) == typeError(field, "Must be a string", mode))
            }
        }

        @Test("the validated value is applied to the patient as the enum case")
        func appliedAsEnum() throws {
            let result = try changes(adding: ["anrede": "Frau", "geschlecht": "divers", "status": "in_Therapie",
                                              "bevorzugtes_therapeutengeschlecht": "Weiblich",
                                              "bevorzugtes_therapieverfahren": "Verhaltenstherapie"])
            let patient = Patient(creating: result, today: date("2025-06-07"))
            #expect(patient.anrede == .frau)
            #expect(patient.geschlecht == .divers)
            #expect(patient.status == .inTherapie)
            #expect(patient.bevorzugtesTherapeutengeschlecht == .weiblich)
            #expect(patient.bevorzugtesTherapieverfahren == .verhaltenstherapie)
        }

        @Test("a decomposed (NFD) spelling of 'männlich' is accepted and stored in the exact spelling (Swift canonical equality)")
        func decomposedVocabulary() throws {
            let decomposed = "ma\u{308}nnlich"
            let patient = Patient(creating: try changes(adding: ["geschlecht": .string(decomposed)]), today: date("2025-06-07"))
            #expect(patient.geschlecht == .maennlich)
            #expect(Array(patient.geschlecht.rawValue.utf8) == Array("m\u{E4}nnlich".utf8))
        }

        @Test("an empty status on update leaves the stored status unchanged (treated as not provided)")
        func emptyStatusKeepsStored() throws {
            let stored = Fixture.patient { $0.status = .aufDerSuche; $0.bevorzugtesTherapeutengeschlecht = .maennlich }
            let result = try PatientInput.changes(from: Fixture.parse(#"{"status": "", "bevorzugtes_therapeutengeschlecht": ""}"#),
                                                  mode: .update)
            let updated = result.applied(to: stored)
            #expect(updated.status == .aufDerSuche)
            #expect(updated.bevorzugtesTherapeutengeschlecht == .maennlich)
        }
    }
}
