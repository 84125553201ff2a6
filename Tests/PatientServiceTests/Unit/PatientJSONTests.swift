import Testing
import Shared
@testable import PatientService

extension PatientUnit {
    /// patient.md §1 (wire representation).
    @Suite("PatientJSON") struct WireJSON {
        /// patient.md §1, in order.
        static let keys = [
            "id", "anrede", "geschlecht", "vorname", "nachname", "strasse", "plz", "ort", "email", "telefon", "hausarzt",
            "krankenkasse", "krankenversicherungsnummer", "geburtsdatum", "symptome", "erfahrung_mit_psychotherapie",
            "letzte_sitzung_vorherige_psychotherapie", "vertraege_unterschrieben", "startdatum", "erster_therapieplatz_am",
            "funktionierender_therapieplatz_am", "status", "empfehler_der_unterstuetzung", "zahlungsreferenz",
            "zahlung_eingegangen", "zeitliche_verfuegbarkeit", "raeumliche_verfuegbarkeit", "verkehrsmittel",
            "offen_fuer_gruppentherapie", "offen_fuer_diga", "letzter_kontakt", "ausgeschlossene_therapeuten",
            "bevorzugtes_therapeutengeschlecht", "bevorzugtes_therapieverfahren", "created_at", "updated_at",
        ]

        static func decode(_ patient: Patient) throws -> JSONObject {
            try #require(try JSONParser.parse(PatientJSON.object(patient)).objectValue)
        }

        static let full = Fixture.patient { p in
            p.id = 42
            p.strasse = "Hauptstraße 1"
            p.plz = "10115"
            p.ort = "Berlin"
            p.email = "erika@example.org"
            p.telefon = "+49 30 1234567"
            p.hausarzt = "Dr. \"Who\"\n"
            p.krankenkasse = "AOK"
            p.krankenversicherungsnummer = "A123456789"
            p.geburtsdatum = date("0990-01-05")
            p.symptome = ["Mobbing", "Ängste / Panikattacken"]
            p.erfahrungMitPsychotherapie = true
            p.letzteSitzungVorherigePsychotherapie = date("2020-05-06")
            p.vertraegeUnterschrieben = true
            p.startdatum = date("2025-06-07")
            p.ersterTherapieplatzAm = date("2025-08-01")
            p.funktionierenderTherapieplatzAm = date("2025-09-01")
            p.status = .aufDerSuche
            p.empfehlerDerUnterstuetzung = "Hausärztin"
            p.zahlungsreferenz = "V_AB12CD"
            p.zahlungEingegangen = true
            p.zeitlicheVerfuegbarkeit = .object(Fixture.parse(#"{"montag": ["09:00-12:00"], "dienstag": []}"#))
            p.raeumlicheVerfuegbarkeit = ["max_km": .number("10.50")]
            p.verkehrsmittel = "ÖPNV"
            p.offenFuerGruppentherapie = true
            p.offenFuerDiga = false
            p.letzterKontakt = date("2025-06-10")
            p.ausgeschlosseneTherapeuten = [3, ["id": 4, "excluded_at": "2025-06-07T10:11:12", "reason": "x"]]
            p.bevorzugtesTherapeutengeschlecht = .weiblich
            p.bevorzugtesTherapieverfahren = .tiefenpsychologisch
            p.updatedAt = date("2025-06-11")
        }

        @Test("all 36 keys of patient.md §1 appear in exactly that order, for a sparse and a full patient")
        func keyOrder() throws {
            #expect(Self.keys.count == 36)
            #expect(try Self.decode(Fixture.patient()).keys == Self.keys)
            #expect(try Self.decode(Self.full).keys == Self.keys)
        }

        @Test("a new patient serialises byte for byte with nulls for everything unset")
        func sparseBytes() {
            let text = String(decoding: PatientJSON.object(Fixture.patient()), as: UTF8.self)
            #expect(text == #"{"id":7,"anrede":"Frau","geschlecht":"weiblich","vorname":"Erika","nachname":"Mustermann","#
                + #""strasse":null,"plz":null,"ort":null,"email":null,"telefon":null,"hausarzt":null,"krankenkasse":null,"#
                + #""krankenversicherungsnummer":null,"geburtsdatum":null,"symptome":null,"erfahrung_mit_psychotherapie":null,"#
                + #""letzte_sitzung_vorherige_psychotherapie":null,"vertraege_unterschrieben":false,"startdatum":null,"#
                + #""erster_therapieplatz_am":null,"funktionierender_therapieplatz_am":null,"status":"offen","#
                + #""empfehler_der_unterstuetzung":null,"zahlungsreferenz":null,"zahlung_eingegangen":false,"#
                + #""zeitliche_verfuegbarkeit":null,"raeumliche_verfuegbarkeit":null,"verkehrsmittel":null,"#
                + #""offen_fuer_gruppentherapie":false,"offen_fuer_diga":false,"letzter_kontakt":null,"#
                + #""ausgeschlossene_therapeuten":[],"bevorzugtes_therapeutengeschlecht":"Egal","#
                + #""bevorzugtes_therapieverfahren":"egal","created_at":"2025-01-02","updated_at":null}"#)
        }

        @Test("every value of a full patient round-trips: dates as YYYY-MM-DD, JSON columns embedded as JSON")
        func fullValues() throws {
            let o = try Self.decode(Self.full)
            #expect(o["id"] == 42)
            #expect(o["hausarzt"] == "Dr. \"Who\"\n")
            #expect(o["strasse"] == "Hauptstraße 1")
            #expect(o["geburtsdatum"] == "0990-01-05")
            #expect(o["symptome"] == ["Mobbing", "Ängste / Panikattacken"])
            #expect(o["erfahrung_mit_psychotherapie"] == true)
            #expect(o["letzte_sitzung_vorherige_psychotherapie"] == "2020-05-06")
            #expect(o["vertraege_unterschrieben"] == true)
            #expect(o["startdatum"] == "2025-06-07")
            #expect(o["erster_therapieplatz_am"] == "2025-08-01")
            #expect(o["funktionierender_therapieplatz_am"] == "2025-09-01")
            #expect(o["status"] == "auf_der_Suche")
            #expect(o["zahlungsreferenz"] == "V_AB12CD")
            #expect(o["zahlung_eingegangen"] == true)
            #expect(o["zeitliche_verfuegbarkeit"] == .object(Fixture.parse(#"{"montag": ["09:00-12:00"], "dienstag": []}"#)))
            #expect(o["zeitliche_verfuegbarkeit"]?.objectValue?.keys == ["montag", "dienstag"])
            #expect(o["raeumliche_verfuegbarkeit"] == ["max_km": .number("10.50")])
            #expect(o["verkehrsmittel"] == "ÖPNV")
            #expect(o["offen_fuer_gruppentherapie"] == true)
            #expect(o["offen_fuer_diga"] == false)
            #expect(o["letzter_kontakt"] == "2025-06-10")
            #expect(o["ausgeschlossene_therapeuten"] == [3, ["id": 4, "excluded_at": "2025-06-07T10:11:12", "reason": "x"]])
            #expect(o["bevorzugtes_therapeutengeschlecht"] == "Weiblich")
            #expect(o["bevorzugtes_therapieverfahren"] == "tiefenpsychologisch_fundierte_Psychotherapie")
            #expect(o["created_at"] == "2025-01-02")
            #expect(o["updated_at"] == "2025-06-11")
            let text = String(decoding: PatientJSON.object(Self.full), as: UTF8.self)
            #expect(text.contains(#""raeumliche_verfuegbarkeit":{"max_km":10.50}"#))
            #expect(text.contains(#""hausarzt":"Dr. \"Who\"\n""#))
        }

        @Test("nullable columns that are null in the database are written as null")
        func nullColumns() throws {
            let o = try Self.decode(Fixture.patient { p in
                p.status = nil
                p.vertraegeUnterschrieben = nil
                p.offenFuerGruppentherapie = nil
                p.offenFuerDiga = nil
                p.ausgeschlosseneTherapeuten = nil
                p.bevorzugtesTherapeutengeschlecht = nil
                p.bevorzugtesTherapieverfahren = nil
                p.createdAt = nil
            })
            for key in ["status", "vertraege_unterschrieben", "offen_fuer_gruppentherapie", "offen_fuer_diga",
                        "ausgeschlossene_therapeuten", "bevorzugtes_therapeutengeschlecht", "bevorzugtes_therapieverfahren", "created_at"] {
                #expect(o[key] == .null, "\(key)")
            }
            #expect(o["zahlung_eingegangen"] == false)
        }

        @Test("a JSON column holding JSON null is written as null")
        func jsonNullColumn() throws {
            #expect(try Self.decode(Fixture.patient { $0.symptome = .null })["symptome"] == .null)
        }
    }

    /// patient.md §2 error statuses and bodies (README §5.4).
    @Suite("PatientError.problem") struct Problems {
        static func body(_ error: PatientError) throws -> JSONObject {
            try #require(try JSONParser.parse(error.problem.response.body).objectValue)
        }

        @Test("not found is 404 'Patient not found'")
        func notFound() throws {
            #expect(PatientError.notFound.problem.status == .notFound)
            #expect(PatientError.notFound.problem.message == "Patient not found")
            #expect(try Self.body(.notFound)["message"] == "Patient not found")
        }

        @Test("a validation failure is 400 with the message as text")
        func invalid() throws {
            let error = PatientError.invalid("anrede: Anrede is required")
            #expect(error.problem.status == .badRequest)
            #expect(try Self.body(error)["message"] == "anrede: Anrede is required")
        }

        @Test("an update type error is 400 with the message as an object {field: text}")
        func invalidField() throws {
            let error = PatientError.invalidField(field: "zeitliche_verfuegbarkeit", text: "Must be a JSON object")
            #expect(error.problem.status == .badRequest)
            #expect(try Self.body(error)["message"] == ["zeitliche_verfuegbarkeit": "Must be a JSON object"])
            let text = String(decoding: error.problem.response.body, as: UTF8.self)
            #expect(text.contains(#""message":{"zeitliche_verfuegbarkeit":"Must be a JSON object"}"#))
        }

        @Test("the deletion guard is 400 with the fixed message and existing_searches", arguments: [1, 3, 20])
        func hasSearches(count: Int) throws {
            let error = PatientError.hasSearches(count: count)
            #expect(error.problem.status == .badRequest)
            let body = try Self.body(error)
            #expect(body["message"] == "Cannot delete patient: Active search exists. Please delete the search first.")
            #expect(body["existing_searches"] == .number(String(count)))
        }

        @Test("an unverifiable search check is 503 with the given message",
              arguments: ["Cannot verify if patient has active searches. Please try again later.",
                          "Cannot verify if patient has active searches: connection refused"])
        func searchCheck(message: String) throws {
            let error = PatientError.searchCheckUnavailable(message)
            #expect(error.problem.status == .serviceUnavailable)
            #expect(try Self.body(error)["message"] == .string(message))
        }

        @Test("a failing communication service is a 503 'Error fetching communication history: …' (issue 4: a clear 503, never a crash)")
        func communication() throws {
            let error = PatientError.communicationUnavailable("Error fetching communication history: connection refused")
            #expect(error.problem.status == .serviceUnavailable)
            #expect(try Self.body(error)["message"] == "Error fetching communication history: connection refused")
        }
    }
}
