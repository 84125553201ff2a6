import Shared

/// A small world of patient/therapist objects for the domain rule tests (PLZ 52064 / 52062).
enum World {
    static let today = LocalDate("2025-06-15")!  // a Sunday

    static func patient(_ changes: [(String, JSONValue)] = []) -> JSONValue {
        var object: JSONObject = ["id": 1, "geschlecht": "weiblich", "strasse": "Markt 1", "plz": "52064", "ort": "Aachen",
                                  "krankenkasse": "AOK", "geburtsdatum": "1990-06-15", "symptome": ["Angst"],
                                  "erfahrung_mit_psychotherapie": false, "offen_fuer_gruppentherapie": false,
                                  "zeitliche_verfuegbarkeit": ["montag": ["09:00-12:00"]],
                                  "verkehrsmittel": "Auto", "ausgeschlossene_therapeuten": [],
                                  "bevorzugtes_therapeutengeschlecht": "Egal", "bevorzugtes_therapieverfahren": "egal"]
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }

    static func therapist(_ id: Int, _ changes: [(String, JSONValue)] = []) -> JSONValue {
        var object: JSONObject = ["id": .number(String(id)), "geschlecht": "weiblich", "titel": .null, "vorname": "Vera",
                                  "nachname": .string("T\(id)"), "strasse": "Weg 2", "plz": "52062", "ort": "Aachen",
                                  "email": .null, "psychotherapieverfahren": "Verhaltenstherapie",
                                  "alter_min": 0, "alter_max": 0, "geschlechtspraeferenz": .null,
                                  "bevorzugt_gruppentherapie": false]
        for (key, value) in changes { object[key] = value }
        return .object(object)
    }
}
