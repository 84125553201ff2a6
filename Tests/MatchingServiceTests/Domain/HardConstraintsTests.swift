import Testing
import Shared
@testable import MatchingService

@Suite("Matching hard constraints (§5.1)") struct HardConstraintsTests {
    let rules = HardConstraints(defaultMaxKm: 25)

    func passes(_ patient: [(String, JSONValue)], _ therapist: [(String, JSONValue)], exclusions: JSONValue = []) -> Bool {
        rules.passesWithoutDistance(patient: World.patient(patient), searchExclusions: exclusions,
                                    therapist: World.therapist(9, therapist), today: World.today)
    }

    @Test("procedure: VT↔VT, TP↔TP, egal↔any pass; mismatch and therapist egal fail")
    func procedure() {
        let vt: JSONValue = "Verhaltenstherapie", tp: JSONValue = "tiefenpsychologisch_fundierte_Psychotherapie"
        #expect(passes([("bevorzugtes_therapieverfahren", vt)], [("psychotherapieverfahren", vt)]))
        #expect(passes([("bevorzugtes_therapieverfahren", tp)], [("psychotherapieverfahren", tp)]))
        #expect(passes([("bevorzugtes_therapieverfahren", "egal")], [("psychotherapieverfahren", tp)]))
        #expect(!passes([("bevorzugtes_therapieverfahren", vt)], [("psychotherapieverfahren", tp)]))
        #expect(!passes([("bevorzugtes_therapieverfahren", vt)], [("psychotherapieverfahren", "egal")]))
    }

    @Test("patient gender preference: Weiblich → female only; Egal → divers")
    func patientGender() {
        #expect(passes([("bevorzugtes_therapeutengeschlecht", "Weiblich")], [("geschlecht", "weiblich")]))
        #expect(!passes([("bevorzugtes_therapeutengeschlecht", "Weiblich")], [("geschlecht", "männlich")]))
        #expect(!passes([("bevorzugtes_therapeutengeschlecht", "Weiblich")], [("geschlecht", "divers")]))
        #expect(passes([("bevorzugtes_therapeutengeschlecht", "Egal")], [("geschlecht", "divers")]))
        #expect(passes([("bevorzugtes_therapeutengeschlecht", .null)], [("geschlecht", "divers")]))
    }

    @Test("exclusions: search list ints and objects, patient list plain ints only")
    func exclusions() {
        #expect(!passes([], [], exclusions: [9]))
        #expect(!passes([], [], exclusions: [["id": 9, "reason": "x"]]))
        #expect(passes([], [], exclusions: [8, ["id": 7]]))
        #expect(!passes([("ausgeschlossene_therapeuten", [9])], []))
        #expect(passes([("ausgeschlossene_therapeuten", [["id": 9]])], []))
    }

    @Test("therapist preferences: age (0 = no limit, inclusive, needs birthday), gender, group")
    func therapistPreferences() {
        // World patient turns 35 on World.today.
        #expect(passes([], [("alter_min", 35), ("alter_max", 0)]))
        #expect(!passes([], [("alter_min", 36)]))
        #expect(passes([], [("alter_max", 35)]))
        #expect(!passes([("geburtsdatum", "1990-06-16")], [("alter_min", 35)]))
        #expect(!passes([("geburtsdatum", .null)], [("alter_max", 99)]))
        #expect(passes([("geburtsdatum", .null)], []))
        #expect(passes([], [("geschlechtspraeferenz", "Weiblich")]))
        #expect(!passes([("geschlecht", "männlich")], [("geschlechtspraeferenz", "Weiblich")]))
        #expect(!passes([("geschlecht", "divers")], [("geschlechtspraeferenz", "Männlich")]))
        #expect(passes([("geschlecht", "divers")], [("geschlechtspraeferenz", "Egal")]))
        #expect(!passes([], [("bevorzugt_gruppentherapie", true)]))
        #expect(passes([("offen_fuer_gruppentherapie", true)], [("bevorzugt_gruppentherapie", true)]))
    }

    @Test("five mixed patients against a group-preferring VT therapist: exactly two pass")
    func mixedPatients() {
        let therapist = World.therapist(9, [("bevorzugt_gruppentherapie", true)])
        let patients: [[(String, JSONValue)]] = [
            [("offen_fuer_gruppentherapie", true), ("bevorzugtes_therapieverfahren", "Verhaltenstherapie")],
            [("offen_fuer_gruppentherapie", false)],
            [("offen_fuer_gruppentherapie", true), ("bevorzugtes_therapieverfahren", "tiefenpsychologisch_fundierte_Psychotherapie")],
            [("offen_fuer_gruppentherapie", true), ("bevorzugtes_therapeutengeschlecht", "Weiblich")],
            [("offen_fuer_gruppentherapie", true), ("bevorzugtes_therapeutengeschlecht", "Männlich")],
        ]
        let passing = patients.indices.filter {
            rules.passesWithoutDistance(patient: World.patient(patients[$0]), searchExclusions: [], therapist: therapist, today: World.today)
        }
        #expect(passing == [0, 3])
    }

    @Test("distance: addresses, unknown address, mode, max_km default and fix for null/strings")
    func distance() throws {
        let question = try #require(rules.distanceQuestion(patient: World.patient(), therapist: World.therapist(9)))
        #expect(question == DistanceQuestion(origin: "Markt 1, 52064, Aachen", destination: "Weg 2, 52062, Aachen", mode: "car", maxKm: 25))
        #expect(question.passes(distanceKm: nil) && question.passes(distanceKm: 25) && !question.passes(distanceKm: 25.1))
        #expect(rules.distanceQuestion(patient: World.patient([("ort", "")]), therapist: World.therapist(9)) == nil)
        #expect(rules.distanceQuestion(patient: World.patient(), therapist: World.therapist(9, [("ort", .null)])) == nil)
        let noStreet = rules.distanceQuestion(patient: World.patient([("strasse", "")]), therapist: World.therapist(9))
        #expect(noStreet?.origin == "52064, Aachen")
        let modes: [(JSONValue, String)] = [("ÖPNV", "transit"), ("transit", "transit"), ("Car", "car"), ("Auto", "car"), (.null, "car")]
        for (value, mode) in modes {
            #expect(rules.distanceQuestion(patient: World.patient([("verkehrsmittel", value)]), therapist: World.therapist(9))?.mode == mode)
        }
        let kms: [(JSONValue, Double)] = [(["max_km": 10], 10), (["max_km": .null], 25), (["max_km": "12.5"], 12.5),
                                          (["max_km": "weit"], 25), ([:], 25), (.null, 25)]
        for (value, km) in kms {
            #expect(rules.distanceQuestion(patient: World.patient([("raeumliche_verfuegbarkeit", value)]), therapist: World.therapist(9))?.maxKm == km)
        }
    }
}
