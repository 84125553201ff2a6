import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §4.1 and README §7.1.
    @Suite("PatientInput: symptoms") struct Symptoms {
        /// README §7.1, verbatim.
        static let specList = [
            "Depression / Niedergeschlagenheit", "Ängste / Panikattacken", "Burnout / Erschöpfung", "Schlafstörungen",
            "Stress / Überforderung", "Trauer / Verlust", "Reizbarkeit / Wutausbrüche", "Stimmungsschwankungen",
            "Innere Leere", "Einsamkeit", "Sorgen / Grübeln", "Selbstzweifel", "Konzentrationsprobleme", "Negative Gedanken",
            "Entscheidungsschwierigkeiten", "Psychosomatische Beschwerden", "Chronische Schmerzen", "Essstörungen",
            "Suchtprobleme (Alkohol/Drogen)", "Sexuelle Probleme", "Beziehungsprobleme", "Familienkonflikte",
            "Sozialer Rückzug", "Mobbing", "Trennungsschmerz", "Traumatische Erlebnisse", "Zwänge", "Selbstverletzung",
            "Suizidgedanken", "Identitätskrise",
        ]

        static func symptoms(_ value: JSONValue) -> JSONValue { ["symptome": value] }
        static func list(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

        @Test("the accepted list is exactly README §7.1's 30 values in order")
        func listMatchesSpec() {
            #expect(Symptom.all == Self.specList)
            #expect(Symptom.all.count == 30)
        }

        @Test("each of the 30 symptoms is accepted on its own", arguments: specList)
        func eachAccepted(symptom: String) throws {
            #expect(try changes(adding: Self.symptoms([.string(symptom)]))[.symptome] == .json([.string(symptom)]))
        }

        @Test("1 to 6 entries are accepted and stored as given, duplicates included",
              arguments: [1, 2, 3, 4, 5, 6])
        func countAccepted(count: Int) throws {
            let distinct = Self.list(Array(Self.specList.prefix(count)))
            let repeated = Self.list(Array(repeating: "Mobbing", count: count))
            for mode in bothModes {
                #expect(try changes(adding: Self.symptoms(distinct), mode)[.symptome] == .json(distinct))
                #expect(try changes(adding: Self.symptoms(repeated), mode)[.symptome] == .json(repeated))
            }
        }

        @Test("more than 6 entries is 'Between 1 and 6 symptoms must be selected' (duplicates counted)")
        func tooMany() {
            let message = PatientError.invalid("Between 1 and 6 symptoms must be selected")
            for mode in bothModes {
                #expect(failure(adding: Self.symptoms(Self.list(Array(Self.specList.prefix(7)))), mode) == message)
                #expect(failure(adding: Self.symptoms(Self.list(Array(repeating: "Mobbing", count: 7))), mode) == message)
                #expect(failure(adding: Self.symptoms(Self.list(Self.specList)), mode) == message)
                // The count is checked before the entries.
                #expect(failure(adding: Self.symptoms(Self.list(Array(repeating: "unknown", count: 7))), mode) == message)
            }
        }

        @Test("an empty array, empty string or other falsy value is 'At least one symptom is required'",
              arguments: [JSONValue.array([]), .string(""), .bool(false), .number("0"), .object(JSONObject())])
        func falsy(value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: Self.symptoms(value), mode) == .invalid("At least one symptom is required"))
            }
        }

        @Test("a non-empty non-array (string, number, true, object) is 'Symptoms must be provided as an array'",
              arguments: [JSONValue.string("Mobbing"), .string("x"), .string("Depression / Niedergeschlagenheit, Mobbing"),
                          .number("5"), .bool(true), ["Mobbing": true]])
        func notAnArray(value: JSONValue) {
            for mode in bothModes {
                #expect(failure(adding: Self.symptoms(value), mode) == .invalid("Symptoms must be provided as an array"))
            }
        }

        static let invalidEntries: [(entry: JSONValue, shown: String)] = [
            ("mobbing", "mobbing"), (" Mobbing", " Mobbing"), ("Mobbing ", "Mobbing "), ("Mob bing", "Mob bing"),
            ("Depression/Niedergeschlagenheit", "Depression/Niedergeschlagenheit"),
            ("Depression /  Niedergeschlagenheit", "Depression /  Niedergeschlagenheit"),
            ("Mobbing\n", "Mobbing\n"), ("\u{00A0}Mobbing", "\u{00A0}Mobbing"), ("", ""),
            (.number("5"), "5"), (.number("1.50"), "1.50"), (.bool(true), "True"), (.bool(false), "False"), (.null, "None"),
            (["Mobbing"], #"["Mobbing"]"#), (["name": "Mobbing"], #"{"name":"Mobbing"}"#),
        ]

        @Test("an entry not exactly in the list is 'Invalid symptom: '<entry>''", arguments: invalidEntries)
        func invalidEntry(entry: JSONValue, shown: String) {
            for mode in bothModes {
                #expect(failure(adding: Self.symptoms(["Mobbing", entry]), mode)
                    == .invalid("Invalid symptom: '\(shown)'. Must be from the predefined list"))
            }
        }

        @Test("matching is exact by code points: a decomposed (NFD) spelling of an umlaut symptom is rejected",
              arguments: ["Ängste / Panikattacken", "Schlafstörungen", "Zwänge", "Sozialer Rückzug"])
        func decomposedRejected(symptom: String) {
            let decomposed = symptom.decomposedStringWithCanonicalMappingForTest
            #expect(decomposed.unicodeScalars.count > symptom.unicodeScalars.count)
            #expect(failure(adding: Self.symptoms([.string(decomposed)]), .create)
                == .invalid("Invalid symptom: '\(decomposed)'. Must be from the predefined list"))
        }

        @Test("the first invalid entry is reported")
        func firstInvalid() {
            #expect(failure(adding: Self.symptoms(["Mobbing", "a", "b"]), .update)
                == .invalid("Invalid symptom: 'a'. Must be from the predefined list"))
        }

        @Test("null symptoms count as not provided")
        func nullIsAbsent() throws {
            #expect(try changes(adding: Self.symptoms(.null))[.symptome] == nil)
        }
    }
}

extension String {
    /// The canonical decomposition (NFD) of the precomposed German umlauts used in the list.
    var decomposedStringWithCanonicalMappingForTest: String {
        let map: [Character: String] = ["ä": "a\u{308}", "ö": "o\u{308}", "ü": "u\u{308}", "Ä": "A\u{308}", "Ö": "O\u{308}", "Ü": "U\u{308}"]
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let replacement = map[Character(scalar)] { scalars.append(contentsOf: replacement.unicodeScalars) } else { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
