import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// JSON types, lengths and NUL characters (patient.md §2.2 table, §2.4, §3 column sizes).
    @Suite("PatientInput: types, lengths and NUL") struct Types {
        // MARK: JSON objects and arrays

        @Test("a non-object for an availability field is a parser error: string on create, field object on update",
              arguments: ["zeitliche_verfuegbarkeit", "raeumliche_verfuegbarkeit"],
              [JSONValue.string("montags"), .string(""), .number("10"), .bool(true), .bool(false), [], ["montag"]])
        func notAnObject(field: String, value: JSONValue) {
            #expect(failure(adding: member(field, value), .create) == .invalid("\(field): Must be a JSON object"))
            #expect(failure(adding: member(field, value), .update) == .invalidField(field: field, text: "Must be a JSON object"))
        }

        @Test("a non-array for ausgeschlossene_therapeuten is a parser error",
              arguments: [JSONValue.string("1,2"), .string(""), .number("3"), .bool(true), ["id": 3]])
        func notAnArray(value: JSONValue) {
            let field = "ausgeschlossene_therapeuten"
            #expect(failure(adding: member(field, value), .create) == .invalid("\(field): Must be a JSON array"))
            #expect(failure(adding: member(field, value), .update) == .invalidField(field: field, text: "Must be a JSON array"))
        }

        @Test("objects and arrays are stored as given (member order and number spelling kept), empty ones too")
        func jsonStoredVerbatim() throws {
            let schedule = Fixture.parse(#"{"montag": ["09:00-12:00", "14:00-18:00"], "dienstag": [], "freitag": ["08:00-10:00"]}"#)
            let radius = Fixture.parse(#"{"max_km": 10.50}"#)
            let excluded = try JSONParser.parse(#"[3, {"id": 4, "excluded_at": "2025-06-07T10:11:12", "reason": "x"}]"#)
            for mode in bothModes {
                let result = try changes(adding: ["zeitliche_verfuegbarkeit": .object(schedule), "raeumliche_verfuegbarkeit": .object(radius),
                                                  "ausgeschlossene_therapeuten": excluded], mode)
                #expect(result[.zeitlicheVerfuegbarkeit] == .json(.object(schedule)))
                #expect(result[.raeumlicheVerfuegbarkeit] == .json(.object(radius)))
                #expect(result[.ausgeschlosseneTherapeuten] == .json(excluded))
                let empty = try changes(adding: ["zeitliche_verfuegbarkeit": [:], "ausgeschlossene_therapeuten": []], mode)
                #expect(empty[.zeitlicheVerfuegbarkeit] == .json([:]))
                #expect(empty[.ausgeschlosseneTherapeuten] == .json([]))
            }
        }

        static let nulInJSON: [(field: String, json: String)] = [
            ("zeitliche_verfuegbarkeit", #"{"montag": ["09:00\u0000-12:00"]}"#),
            ("zeitliche_verfuegbarkeit", #"{"mon\u0000tag": ["09:00-12:00"]}"#),
            ("zeitliche_verfuegbarkeit", #"{"a": {"b": {"c": "\u0000"}}}"#),
            ("raeumliche_verfuegbarkeit", #"{"max_km": 5, "note": "\u0000"}"#),
            ("ausgeschlossene_therapeuten", #"[1, "\u0000"]"#),
            ("ausgeschlossene_therapeuten", #"[{"reason": "a\u0000b"}]"#),
        ]

        @Test("a NUL character anywhere inside a JSON object or array (key or value) is refused, in both modes",
              arguments: nulInJSON)
        func nulInsideJSON(field: String, json: String) throws {
            let value = try JSONParser.parse(json)
            for mode in bothModes {
                #expect(failure(adding: member(field, value), mode) == .invalid("\(field): must not contain NUL characters"))
            }
        }

        @Test("a number jsonb could not hold as a double (1e999) inside a JSON field is refused")
        func numberOutOfRange() throws {
            let value = try JSONParser.parse(#"{"max_km": 1e999}"#)
            #expect(failure(adding: ["raeumliche_verfuegbarkeit": value], .create)
                == .invalid("raeumliche_verfuegbarkeit: contains a number out of range"))
        }

        // MARK: Booleans

        static let boolFields = ["erfahrung_mit_psychotherapie", "vertraege_unterschrieben", "zahlung_eingegangen",
                                 "offen_fuer_gruppentherapie", "offen_fuer_diga"]

        @Test("a boolean field refuses strings, numbers, arrays and objects (no 'non-empty string is true' quirk)",
              arguments: boolFields, [JSONValue.string("true"), .string("false"), .string(""), .number("1"), .number("0"), [], [:]])
        func boolRejects(field: String, value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: member(field, value), mode) == typeError(field, "Must be a boolean (true or false)", mode))
            }
        }

        @Test("a boolean field accepts true and false", arguments: boolFields, [true, false])
        func boolAccepts(field: String, flag: Bool) throws {
            let key = try #require(PatientField(rawValue: field))
            for mode in bothModes {
                #expect(try changes(adding: member(field, .bool(flag)), mode)[key] == .bool(flag))
            }
        }

        // MARK: Strings

        static let textFields: [(field: PatientField, limit: Int?)] = [
            (.vorname, 100), (.nachname, 100), (.strasse, 255), (.plz, 10), (.ort, 100), (.email, 255), (.telefon, 50),
            (.hausarzt, 255), (.krankenkasse, 100), (.krankenversicherungsnummer, 50), (.empfehlerDerUnterstuetzung, nil),
            (.zahlungsreferenz, 8), (.verkehrsmittel, 50),
        ]

        @Test("a string field accepts a number and keeps its spelling verbatim",
              arguments: textFields.map(\.field), [JSONValue.number("12345"), .number("1.50"), .number("-0"), .number("1e3")])
        func numberBecomesText(field: PatientField, value: JSONValue) throws {
            guard case .number(let spelling) = value else { return }
            #expect(try changes(adding: member(field.rawValue, value), .update)[field] == .text(spelling))
        }

        @Test("a string field refuses booleans, arrays and objects as a parser error",
              arguments: textFields.map(\.field), [JSONValue.bool(true), .bool(false), ["a"], ["a": "b"]])
        func stringRejects(field: PatientField, value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: member(field.rawValue, value), mode) == typeError(field.rawValue, "Must be a string", mode))
            }
        }

        @Test("a string at its column's limit is accepted, one more character is '<field>: must be at most <n> characters'",
              arguments: textFields.compactMap { item in item.limit.map { (item.field, $0) } })
        func lengthLimit(field: PatientField, limit: Int) throws {
            let fits = String(repeating: "x", count: limit), tooLong = String(repeating: "x", count: limit + 1)
            for mode in bothModes {
                #expect(try changes(adding: member(field.rawValue, .string(fits)), mode)[field] == .text(fits))
                #expect(failure(adding: member(field.rawValue, .string(tooLong)), mode)
                    == .invalid("\(field.rawValue): must be at most \(limit) characters"))
            }
        }

        @Test("empfehler_der_unterstuetzung (text) has no length limit")
        func unlimitedText() throws {
            let long = String(repeating: "ü", count: 20_000)
            #expect(try changes(adding: ["empfehler_der_unterstuetzung": .string(long)])[.empfehlerDerUnterstuetzung] == .text(long))
        }

        @Test("lengths count Unicode scalars like PostgreSQL varchar: 8 umlauts fit zahlungsreferenz, 9 do not")
        func lengthCountsScalars() throws {
            #expect(try changes(adding: ["zahlungsreferenz": "äöüÄÖÜßé"])[.zahlungsreferenz] == .text("äöüÄÖÜßé"))
            #expect(try changes(adding: ["zahlungsreferenz": "👍👍👍👍👍👍👍👍"])[.zahlungsreferenz] == .text("👍👍👍👍👍👍👍👍"))
            #expect(failure(adding: ["zahlungsreferenz": "äöüÄÖÜßéè"], .create) == .invalid("zahlungsreferenz: must be at most 8 characters"))
            // Decomposed umlauts are two scalars each: 4 fit, 5 (10 scalars, 5 graphemes) do not.
            let decomposed = "u\u{308}"
            #expect(try changes(adding: ["zahlungsreferenz": .string(String(repeating: decomposed, count: 4))])[.zahlungsreferenz] != nil)
            #expect(failure(adding: ["zahlungsreferenz": .string(String(repeating: decomposed, count: 5))], .update)
                == .invalid("zahlungsreferenz: must be at most 8 characters"))
        }

        @Test("an over-long number in a string field is measured by its spelling")
        func longNumber() {
            #expect(failure(adding: ["plz": .number("12345678901")], .create) == .invalid("plz: must be at most 10 characters"))
        }

        @Test("a NUL character in a string field is refused", arguments: textFields.map(\.field))
        func nulInString(field: PatientField) {
            for mode in bothModes {
                #expect(failure(adding: member(field.rawValue, "a\u{0}b"), mode) == .invalid("\(field.rawValue): must not contain NUL characters"))
            }
        }

        @Test("strings are stored exactly as given (no trimming)")
        func noTrimming() throws {
            let result = try changes(adding: ["vorname": "  Max ", "ort": "", "email": "MAX@Example.org"])
            #expect(result[.vorname] == .text("  Max "))
            #expect(result[.ort] == .text(""))
            #expect(result[.email] == .text("MAX@Example.org"))
        }

        // MARK: Ignored members

        @Test("unknown and read-only members are ignored whatever their value, in both modes",
              arguments: ["id", "startdatum", "letzter_kontakt", "created_at", "updated_at", "diagnose",
                          "psychotherapeutische_sprechstunde", "Anrede", "zahlungEingegangen", "symptoms"])
        func ignored(key: String) throws {
            for value: JSONValue in ["not a date", 12, true, ["x": "\u{0}"], .null] {
                for mode in bothModes {
                    let result = try changes(adding: member(key, value), mode)
                    #expect(result.values.map(\.field) == [.anrede, .geschlecht, .vorname, .nachname])
                }
            }
        }

        @Test("a repeated member counts with its last value")
        func repeatedMember() throws {
            let body = Fixture.parse(#"{"anrede": "Dr", "geschlecht": "divers", "vorname": "A", "nachname": "B", "anrede": "Frau"}"#)
            #expect(try PatientInput.changes(from: body, mode: .create)[.anrede] == .text("Frau"))
        }
    }
}
