import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("POST /api/therapists")
struct CreateTherapistTests {
    static let keys = [
        "id", "anrede", "geschlecht", "titel", "vorname", "nachname", "strasse", "plz", "ort", "telefon", "fax", "email",
        "webseite", "kassensitz", "telefonische_erreichbarkeit", "fremdsprachen", "psychotherapieverfahren",
        "zusatzqualifikationen", "besondere_leistungsangebote", "letzter_kontakt_email", "letzter_kontakt_telefon",
        "letztes_persoenliches_gespraech", "potenziell_verfuegbar", "potenziell_verfuegbar_notizen",
        "ueber_curavani_informiert", "naechster_kontakt_moeglich", "bevorzugte_diagnosen", "alter_min", "alter_max",
        "geschlechtspraeferenz", "arbeitszeiten", "bevorzugt_gruppentherapie", "status", "sperrgrund", "sperrdatum",
        "created_at", "updated_at",
    ]

    @Test("a minimal therapist is created with every key in order and the defaults of a new row")
    func minimal() async throws {
        try await TherapistFixture.with { fixture in
            let response = try await fixture.api.call(.post, "/api/therapists",
                #"{"anrede":"Frau","geschlecht":"weiblich","vorname":"Eva","nachname":"Muster","unknown":"ignored"}"#)
            #expect(response.status == 201)
            let therapist = try #require(response.json.objectValue)
            #expect(therapist.keys == Self.keys)
            #expect(therapist["id"]?.intValue ?? 0 > 0)
            #expect(therapist["kassensitz"] == true && therapist["potenziell_verfuegbar"] == false)
            #expect(therapist["ueber_curavani_informiert"] == false && therapist["bevorzugt_gruppentherapie"] == false)
            #expect(therapist["telefonische_erreichbarkeit"] == .object(JSONObject()) && therapist["arbeitszeiten"] == .object(JSONObject()))
            #expect(therapist["fremdsprachen"] == [] && therapist["bevorzugte_diagnosen"] == [])
            #expect(therapist["psychotherapieverfahren"] == "egal" && therapist["status"] == "aktiv")
            #expect(therapist["alter_min"] == 0 && therapist["alter_max"] == 0, "unset age limits read as 0")
            #expect(therapist["titel"] == .null && therapist["geschlechtspraeferenz"] == .null)
            #expect(therapist["created_at"] == .string(LocalDate.today().description) && therapist["updated_at"] == .null)
        }
    }

    @Test("every field round-trips; read-only fields are ignored; numeric strings are ages")
    func fullRecord() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist([
                "titel": "Dr. med.", "strasse": "Hauptstr. 1", "plz": 52062, "ort": "Aachen", "telefon": "0241 1",
                "fax": "0241 2", "email": "praxis@example.com", "webseite": "https://example.com", "kassensitz": false,
                "telefonische_erreichbarkeit": ["Mo": ["8:00-9:00"]], "fremdsprachen": ["Englisch"],
                "psychotherapieverfahren": "Verhaltenstherapie", "zusatzqualifikationen": "EMDR",
                "besondere_leistungsangebote": "Online", "letzter_kontakt_email": "2025-01-02",
                "letzter_kontakt_telefon": "2025-01-03", "letztes_persoenliches_gespraech": "2025-01-04",
                "potenziell_verfuegbar": true, "potenziell_verfuegbar_notizen": "ab März", "ueber_curavani_informiert": true,
                "naechster_kontakt_moeglich": "2025-02-01", "bevorzugte_diagnosen": ["F32"], "alter_min": "18", "alter_max": 65,
                "geschlechtspraeferenz": "Weiblich", "arbeitszeiten": ["montag": ["08:00-16:00"]],
                "bevorzugt_gruppentherapie": true, "status": "gesperrt", "sperrgrund": "Urlaub", "sperrdatum": "2025-01-05",
                "id": 424242, "created_at": "2020-01-01", "updated_at": "2020-01-01",
            ])
            #expect(therapist["plz"] == "52062" && therapist["titel"] == "Dr. med." && therapist["kassensitz"] == false)
            #expect(therapist["telefonische_erreichbarkeit"]?["Mo"] == ["8:00-9:00"] && therapist["fremdsprachen"] == ["Englisch"])
            #expect(therapist["alter_min"] == 18 && therapist["alter_max"] == 65)
            #expect(therapist["status"] == "gesperrt" && therapist["sperrgrund"] == "Urlaub" && therapist["sperrdatum"] == "2025-01-05")
            #expect(therapist["naechster_kontakt_moeglich"] == "2025-02-01" && therapist["letzter_kontakt_telefon"] == "2025-01-03")
            #expect(therapist.id != 424242 && therapist["created_at"] == .string(LocalDate.today().description))
            #expect(therapist["updated_at"] == .null)
            let read = try await fixture.api.call(.get, "/api/therapists/\(therapist.id)")
            #expect(read.status == 200 && read.json == therapist)
        }
    }

    @Test("validation failures answer 400 with the spec's exact message", arguments: [
        (#"{"geschlecht":"männlich","vorname":"A","nachname":"B"}"#, "anrede: Anrede is required"),
        (#"{"anrede":"Herr","vorname":"A","nachname":"B"}"#, "geschlecht: Geschlecht is required"),
        (#"{"anrede":"Herr","geschlecht":"männlich","nachname":"B"}"#, "vorname: Vorname is required"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A"}"#, "nachname: Nachname is required"),
        (#"{"anrede":null,"geschlecht":"männlich","vorname":"A","nachname":"B"}"#, "anrede: Anrede is required"),
        (#"{"anrede":"Dr.","geschlecht":"männlich","vorname":"A","nachname":"B"}"#, "Invalid anrede 'Dr.'. Valid values: Herr, Frau"),
        (#"{"anrede":"Herr","geschlecht":"m","vorname":"A","nachname":"B"}"#,
         "Invalid geschlecht 'm'. Valid values: männlich, weiblich, divers, keine_Angabe"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","status":"weg"}"#,
         "Invalid status 'weg'. Valid values: aktiv, gesperrt, inaktiv"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","psychotherapieverfahren":"Analyse"}"#,
         "Invalid therapy method 'Analyse'. Valid values: egal, Verhaltenstherapie, tiefenpsychologisch_fundierte_Psychotherapie"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","sperrdatum":"01.01.2025"}"#,
         "Invalid date format for sperrdatum. Use YYYY-MM-DD"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","naechster_kontakt_moeglich":"2025-02-30"}"#,
         "Invalid date format for naechster_kontakt_moeglich. Use YYYY-MM-DD"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","alter_min":"abc"}"#,
         "alter_min: invalid literal for int() with base 10: 'abc'"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","alter_max":200}"#,
         "alter_max: must be between 0 and 150"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","fremdsprachen":"Englisch"}"#,
         "fremdsprachen: Must be a JSON array"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","arbeitszeiten":[]}"#,
         "arbeitszeiten: Must be a JSON object"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","kassensitz":"false"}"#,
         "kassensitz: Must be a boolean (true or false)"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","titel":"Prof. Dr. med. habil. X"}"#,
         "titel: must be at most 20 characters"),
        // Declaration order: the first failing field wins (anrede before status before sperrdatum).
        (#"{"anrede":"X","geschlecht":"männlich","vorname":"A","nachname":"B","status":"weg","sperrdatum":"x"}"#,
         "Invalid anrede 'X'. Valid values: Herr, Frau"),
        (#"{"anrede":"Herr","geschlecht":"männlich","vorname":"A","nachname":"B","sperrdatum":"x","status":"weg"}"#,
         "Invalid status 'weg'. Valid values: aktiv, gesperrt, inaktiv"),
    ])
    func rejected(body: String, message: String) async throws {
        try await TherapistFixture.with { fixture in
            let response = try await fixture.api.call(.post, "/api/therapists", body)
            #expect(response.status == 400)
            #expect(response.message == message)
        }
    }

    @Test("empty status and therapy method fall back to the defaults")
    func emptyDefaults() async throws {
        try await TherapistFixture.with { fixture in
            let therapist = try await fixture.createTherapist(["status": "", "psychotherapieverfahren": "", "sperrdatum": ""])
            #expect(therapist["status"] == "aktiv" && therapist["psychotherapieverfahren"] == "egal" && therapist["sperrdatum"] == .null)
        }
    }

    @Test("a body that is not a JSON object is a 400")
    func malformed() async throws {
        try await TherapistFixture.with { fixture in
            let array = try await fixture.api.call(.post, "/api/therapists", "[1]")
            let broken = try await fixture.api.call(.post, "/api/therapists", "{")
            #expect(array.status == 400 && array.message == "Request body must be a JSON object")
            #expect(broken.status == 400 && broken.message?.hasPrefix("Invalid JSON body: ") == true)
        }
    }
}
