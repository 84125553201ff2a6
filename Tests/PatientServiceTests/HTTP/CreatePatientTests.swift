import Testing
import Shared
import TestSupport
@testable import PatientService

@Suite("POST /api/patients")
struct CreatePatientTests {
    static let keys = ["id", "anrede", "geschlecht", "vorname", "nachname", "strasse", "plz", "ort", "email", "telefon",
                       "hausarzt", "krankenkasse", "krankenversicherungsnummer", "geburtsdatum", "symptome",
                       "erfahrung_mit_psychotherapie", "letzte_sitzung_vorherige_psychotherapie", "vertraege_unterschrieben",
                       "startdatum", "erster_therapieplatz_am", "funktionierender_therapieplatz_am", "status",
                       "empfehler_der_unterstuetzung", "zahlungsreferenz", "zahlung_eingegangen", "zeitliche_verfuegbarkeit",
                       "raeumliche_verfuegbarkeit", "verkehrsmittel", "offen_fuer_gruppentherapie", "offen_fuer_diga",
                       "letzter_kontakt", "ausgeschlossene_therapeuten", "bevorzugtes_therapeutengeschlecht",
                       "bevorzugtes_therapieverfahren", "created_at", "updated_at"]

    @Test("a minimal patient is created with every key in order and the defaults of a new row")
    func minimal() async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.post, "/api/patients",
                #"{"anrede":"Herr","geschlecht":"männlich","vorname":"Max","nachname":"Mustermann","diagnose":"F32"}"#)
            #expect(response.status == 201)
            let patient = try #require(response.json.objectValue)
            #expect(patient.keys == Self.keys)
            #expect(patient["id"]?.intValue ?? 0 > 0)
            #expect(patient["status"] == "offen")
            #expect(patient["vertraege_unterschrieben"] == false && patient["zahlung_eingegangen"] == false)
            #expect(patient["offen_fuer_gruppentherapie"] == false && patient["offen_fuer_diga"] == false)
            #expect(patient["ausgeschlossene_therapeuten"] == [])
            #expect(patient["bevorzugtes_therapeutengeschlecht"] == "Egal" && patient["bevorzugtes_therapieverfahren"] == "egal")
            #expect(patient["created_at"] == .string(LocalDate.today().description))
            #expect(patient["updated_at"] == .null && patient["startdatum"] == .null && patient["symptome"] == .null)
        }
    }

    @Test("every field round-trips; numbers become text; read-only fields are ignored")
    func fullRecord() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient([
                "plz": 99999, "ort": "Testdorf", "email": "erika@example.com", "geburtsdatum": "1990-02-28",
                "symptome": ["Schlafstörungen", "Einsamkeit"], "erfahrung_mit_psychotherapie": true,
                "zeitliche_verfuegbarkeit": ["montag": ["09:00-12:00"]], "raeumliche_verfuegbarkeit": ["max_km": 25],
                "verkehrsmittel": "ÖPNV", "ausgeschlossene_therapeuten": [3, 7], "bevorzugtes_therapieverfahren": "Verhaltenstherapie",
                "startdatum": "2020-01-01", "letzter_kontakt": "2020-01-01", "id": 424242, "created_at": "2020-01-01",
                "zahlungsreferenz": "ABCD1234",
            ])
            #expect(patient["plz"] == "99999")
            #expect(patient["geburtsdatum"] == "1990-02-28")
            #expect(patient["symptome"] == ["Schlafstörungen", "Einsamkeit"])
            #expect(patient["zeitliche_verfuegbarkeit"]?["montag"] == ["09:00-12:00"])
            #expect(patient["raeumliche_verfuegbarkeit"]?["max_km"]?.intValue == 25)
            #expect(patient["ausgeschlossene_therapeuten"] == [3, 7])
            #expect(patient["startdatum"] == .null && patient["letzter_kontakt"] == .null && patient.id != 424242)
            #expect(patient["created_at"] == .string(LocalDate.today().description))
            let read = try await fixture.api.call(.get, "/api/patients/\(patient.id)")
            #expect(read.json == patient)
        }
    }

    @Test("validation failures answer 400 with the spec's exact message", arguments: [
        (#"{"geschlecht":"weiblich","vorname":"A","nachname":"B"}"#, "anrede: Anrede is required"),
        (#"{"anrede":"Frau","vorname":"A","nachname":"B"}"#, "geschlecht: Geschlecht is required"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","nachname":"B"}"#, "vorname: Vorname is required"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A"}"#, "nachname: Nachname is required"),
        (#"{"anrede":null,"geschlecht":"weiblich","vorname":"A","nachname":"B"}"#, "anrede: Anrede is required"),
        ("{}", "anrede: Anrede is required"),
        (#"{"anrede":"","geschlecht":"weiblich","vorname":"A","nachname":"B"}"#, "Anrede is required"),
        (#"{"anrede":"Mx","geschlecht":"weiblich","vorname":"A","nachname":"B"}"#, "Invalid anrede 'Mx'. Valid values: Herr, Frau"),
        (#"{"anrede":"Frau","geschlecht":"w","vorname":"A","nachname":"B"}"#,
         "Invalid geschlecht 'w'. Valid values: männlich, weiblich, divers, keine_Angabe"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","status":"fertig"}"#,
         "Invalid status 'fertig'. Valid values: offen, auf_der_Suche, in_Therapie, Therapie_abgeschlossen, Suche_abgebrochen, Therapie_abgebrochen"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","bevorzugtes_therapeutengeschlecht":"x"}"#,
         "Invalid gender preference 'x'. Valid values: Männlich, Weiblich, Egal"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","bevorzugtes_therapieverfahren":"x"}"#,
         "Invalid therapy method 'x'. Valid values: egal, Verhaltenstherapie, tiefenpsychologisch_fundierte_Psychotherapie"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","geburtsdatum":"01.02.1990"}"#,
         "Invalid date format for geburtsdatum. Use YYYY-MM-DD"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","symptome":[]}"#, "At least one symptom is required"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","symptome":["Mobbing","Mobbing","Mobbing","Mobbing","Mobbing","Mobbing","Mobbing"]}"#,
         "Between 1 and 6 symptoms must be selected"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","symptome":["mobbing"]}"#,
         "Invalid symptom: 'mobbing'. Must be from the predefined list"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","zeitliche_verfuegbarkeit":[]}"#,
         "zeitliche_verfuegbarkeit: Must be a JSON object"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","zahlungsreferenz":"123456789"}"#,
         "zahlungsreferenz: must be at most 8 characters"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A","nachname":"B","offen_fuer_diga":"false"}"#,
         "offen_fuer_diga: Must be a boolean (true or false)"),
        (#"{"anrede":"Mx","geschlecht":"weiblich","vorname":"A","nachname":"B","status":"fertig"}"#, "Invalid anrede 'Mx'. Valid values: Herr, Frau"),
        (#"{"anrede":"Frau","geschlecht":"weiblich","vorname":"A\u0000","nachname":"B"}"#, "vorname: must not contain NUL characters"),
    ])
    func invalid(body: String, message: String) async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.post, "/api/patients", body)
            #expect(response.status == 400)
            #expect(response.message == message)
            #expect(response.headers["Content-Type"] == "application/problem+json")
        }
    }

    @Test("a body that is not a JSON object is a 400, not a crash", arguments: ["{", "[1]", "\"x\"", "nul"])
    func malformed(body: String) async throws {
        try await PatientFixture.with { fixture in
            let response = try await fixture.api.call(.post, "/api/patients", body)
            #expect(response.status == 400)
            #expect(response.message?.isEmpty == false)
        }
    }

    @Test("contracts and payment at creation start the search, with or without an explicit status")
    func paidAtCreation() async throws {
        try await PatientFixture.with { fixture in
            for extra: JSONObject in [["status": "offen"], [:]] {
                var body = extra
                body["vertraege_unterschrieben"] = true
                body["zahlung_eingegangen"] = true
                let patient = try await fixture.createPatient(body)
                #expect(patient["status"] == "auf_der_Suche")
                #expect(patient["startdatum"] == .string(LocalDate.today().description))
            }
            let other = try await fixture.createPatient(["status": "in_Therapie", "vertraege_unterschrieben": true,
                                                         "zahlung_eingegangen": true])
            #expect(other["status"] == "in_Therapie")
            #expect(fixture.communication.received.isEmpty)
        }
    }

    @Test("empty optional vocabulary and date values count as not provided")
    func emptyMeansAbsent() async throws {
        try await PatientFixture.with { fixture in
            let patient = try await fixture.createPatient(["status": "", "bevorzugtes_therapeutengeschlecht": "",
                                                           "geburtsdatum": "", "strasse": ""])
            #expect(patient["status"] == "offen" && patient["bevorzugtes_therapeutengeschlecht"] == "Egal")
            #expect(patient["geburtsdatum"] == .null && patient["strasse"] == "")
        }
    }
}
