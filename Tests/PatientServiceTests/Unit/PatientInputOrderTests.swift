import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// "First failure wins" (patient.md §2.2, §2.4): a parser pass over all fields in declaration
    /// order (required keys and JSON types), then a validation pass in the same order.
    @Suite("PatientInput: first failure wins") struct Order {
        /// A valid value for every writable field, members deliberately in reverse declaration order.
        static let everyField: JSONValue = [
            "bevorzugtes_therapieverfahren": "Verhaltenstherapie", "bevorzugtes_therapeutengeschlecht": "Weiblich",
            "ausgeschlossene_therapeuten": [12, 13], "offen_fuer_diga": true, "offen_fuer_gruppentherapie": false,
            "verkehrsmittel": "ÖPNV", "raeumliche_verfuegbarkeit": ["max_km": 25],
            "zeitliche_verfuegbarkeit": ["montag": ["09:00-12:00"]], "zahlung_eingegangen": false,
            "zahlungsreferenz": "AB12CD34", "empfehler_der_unterstuetzung": "Hausärztin", "status": "offen",
            "funktionierender_therapieplatz_am": "2025-09-01", "erster_therapieplatz_am": "2025-08-01",
            "vertraege_unterschrieben": true, "letzte_sitzung_vorherige_psychotherapie": "2020-05-06",
            "erfahrung_mit_psychotherapie": true, "symptome": ["Mobbing", "Einsamkeit"], "geburtsdatum": "1990-01-31",
            "krankenversicherungsnummer": "A123456789", "krankenkasse": "AOK", "hausarzt": "Dr. Who",
            "telefon": "+49 30 1234567", "email": "erika@example.org", "ort": "Berlin", "plz": "10115",
            "strasse": "Hauptstraße 1", "nachname": "Mustermann", "vorname": "Erika", "geschlecht": "weiblich", "anrede": "Frau",
        ]

        @Test("a body with every writable field yields one value per field, in declaration order, in both modes",
              arguments: bothModes)
        func everyFieldInOrder(mode: PatientInput.Mode) throws {
            let body = try #require(Self.everyField.objectValue)
            let result = try PatientInput.changes(from: body, mode: mode)
            #expect(result.values.map(\.field) == PatientField.allCases)
            #expect(PatientField.allCases.count == 31)
            #expect(result[.geburtsdatum] == .date(date("1990-01-31")))
            #expect(result[.symptome] == .json(["Mobbing", "Einsamkeit"]))
            #expect(result[.raeumlicheVerfuegbarkeit] == .json(["max_km": 25]))
            #expect(result[.offenFuerGruppentherapie] == .bool(false))
            #expect(result[.zahlungsreferenz] == .text("AB12CD34"))
        }

        @Test("the declaration order is patient.md §2.2's list")
        func declarationOrder() {
            #expect(PatientField.allCases.map(\.rawValue) == [
                "anrede", "geschlecht", "vorname", "nachname", "strasse", "plz", "ort", "email", "telefon", "hausarzt",
                "krankenkasse", "krankenversicherungsnummer", "geburtsdatum", "symptome", "erfahrung_mit_psychotherapie",
                "letzte_sitzung_vorherige_psychotherapie", "vertraege_unterschrieben", "erster_therapieplatz_am",
                "funktionierender_therapieplatz_am", "status", "empfehler_der_unterstuetzung", "zahlungsreferenz",
                "zahlung_eingegangen", "zeitliche_verfuegbarkeit", "raeumliche_verfuegbarkeit", "verkehrsmittel",
                "offen_fuer_gruppentherapie", "offen_fuer_diga", "ausgeschlossene_therapeuten",
                "bevorzugtes_therapeutengeschlecht", "bevorzugtes_therapieverfahren",
            ])
        }

        static let statusMessage = "Invalid status 'x'. Valid values: offen, auf_der_Suche, in_Therapie, Therapie_abgeschlossen, Suche_abgebrochen, Therapie_abgebrochen"

        /// Two validation failures: the one declared first is reported, whatever the member order.
        static let validationPairs: [(body: JSONValue, message: String)] = [
            (["status": "x", "anrede": "Dr"], "Invalid anrede 'Dr'. Valid values: Herr, Frau"),
            (["status": "x", "geburtsdatum": "2025-02-30"], "Invalid date format for geburtsdatum. Use YYYY-MM-DD"),
            (["symptome": ["nope"], "plz": "12345678901"], "plz: must be at most 10 characters"),
            (["bevorzugtes_therapieverfahren": "x", "status": "x"], statusMessage),
            (["zeitliche_verfuegbarkeit": ["a": "\u{0}"], "symptome": []], "At least one symptom is required"),
            (["bevorzugtes_therapeutengeschlecht": "x", "zahlungsreferenz": "123456789"], "zahlungsreferenz: must be at most 8 characters"),
            (["geschlecht": "", "anrede": "Dr"], "Invalid anrede 'Dr'. Valid values: Herr, Frau"),
        ]

        @Test("of two validation failures the earlier declared field is reported, in both modes",
              arguments: validationPairs, bothModes)
        func validationOrder(_ pair: (body: JSONValue, message: String), mode: PatientInput.Mode) {
            #expect(failure(adding: pair.body, mode) == .invalid(pair.message))
        }

        /// A parser (type) failure of a later field against a validation failure of an earlier one.
        static let parserBeatsValidation: [(body: JSONValue, field: String, text: String)] = [
            (["anrede": "Dr", "zeitliche_verfuegbarkeit": "montags"], "zeitliche_verfuegbarkeit", "Must be a JSON object"),
            (["geburtsdatum": "gestern", "offen_fuer_diga": "ja"], "offen_fuer_diga", "Must be a boolean (true or false)"),
            (["symptome": "Mobbing", "ausgeschlossene_therapeuten": 5], "ausgeschlossene_therapeuten", "Must be a JSON array"),
            (["plz": "12345678901", "bevorzugtes_therapieverfahren": true], "bevorzugtes_therapieverfahren", "Must be a string"),
            (["zeitliche_verfuegbarkeit": ["a": "\u{0}"], "offen_fuer_diga": "ja"], "offen_fuer_diga", "Must be a boolean (true or false)"),
            (["vorname": "a\u{0}", "zahlung_eingegangen": 1], "zahlung_eingegangen", "Must be a boolean (true or false)"),
        ]

        @Test("a parser-phase type error of a later field beats a validation error of an earlier field",
              arguments: parserBeatsValidation, bothModes)
        func parserPhaseFirst(_ item: (body: JSONValue, field: String, text: String), mode: PatientInput.Mode) {
            #expect(failure(adding: item.body, mode) == typeError(item.field, item.text, mode))
        }

        @Test("of two parser-phase type errors the earlier declared field is reported")
        func parserOrder() {
            for mode in bothModes {
                #expect(failure(adding: ["offen_fuer_diga": "ja", "vorname": true], mode) == typeError("vorname", "Must be a string", mode))
                #expect(failure(adding: ["raeumliche_verfuegbarkeit": 5, "zeitliche_verfuegbarkeit": 5], mode)
                    == typeError("zeitliche_verfuegbarkeit", "Must be a JSON object", mode))
            }
        }

        @Test("nothing is returned when any field fails: a valid earlier field does not leak into a partial result")
        func allOrNothing() {
            #expect(failure(adding: ["ort": "Berlin", "status": "x"], .update) == .invalid(Self.statusMessage))
        }
    }
}
