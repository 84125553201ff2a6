import Testing
import Shared
import TestSupport
@testable import MatchingService

/// matching.md §4 (therapist selection) and §5 (bundle creation) over HTTP.
@Suite("Selection and bundle HTTP")
struct SelectionBundleHTTPTests {
    static let noEligible = "No eligible patients found for this therapist"

    @Test("selection: missing plz_prefix is a 400 object message; a malformed prefix a 400")
    func selectionValidatesPrefix() async throws {
        try await MatchingFixture.with { f in
            let missing = try await f.get("/api/therapeuten-zur-auswahl")
            #expect(missing.status == 400)
            #expect(missing.json["message"] == ["plz_prefix": "Missing required parameter in the query string"])
            for bad in ["5", "520", "5a", "%205"] {
                let response = try await f.get("/api/therapeuten-zur-auswahl?plz_prefix=\(bad)")
                #expect(response.status == 400, "\(bad)")
                #expect(response.message == "Invalid PLZ prefix. Must be exactly 2 digits.")
            }
        }
    }

    @Test("selection: a therapist with an unsent anfrage drops out with its whole email group; item keys")
    func selectionExcludesPendingGroups() async throws {
        try await MatchingFixture.with { f in
            let prefix = "4\(Int.random(in: 0...9))"
            let plz = prefix + "123"
            let shared = "gemeinsam\(MatchingIDs.next())@praxis.example"
            // Pending: an unsent bundle for `pending`; `colleague` shares its email (other case, spaces).
            let patient = f.addPatient(["plz": .string(prefix + "555")])
            try await f.createSearch(patient)
            let pending = f.addTherapist(["plz": .string(plz), "email": .string(shared)])
            let colleague = f.addTherapist(["plz": .string(plz), "email": .string("  " + shared.uppercased() + " ")])
            let bundle = try await f.createBundle(pending, prefix: prefix)
            #expect(bundle.status == 201)
            let free = f.addTherapist(["plz": .string(plz), "nachname": "Adler", "vorname": "Anna"])
            let noEmail = f.addTherapist(["plz": .string(plz), "email": .null, "nachname": "Zeller"])
            f.addTherapist(["plz": "99999"])  // other prefix
            f.addTherapist(["plz": .string(plz), "status": "gesperrt"])  // not aktiv

            let response = try await f.get("/api/therapeuten-zur-auswahl?plz_prefix=\(prefix)")
            #expect(response.status == 200)
            #expect(response.json.keys == ["plz_prefix", "total", "data"])
            #expect(response.json["plz_prefix"] == .string(prefix))
            let ids = response.json["data"]?.arrayValue?.map(\.id) ?? []
            #expect(ids == [free.id, noEmail.id])  // tier 0 (email) before tier 4 (no email)
            #expect(response.json["total"] == 2)
            #expect(!ids.contains(pending.id) && !ids.contains(colleague.id))
            let item = try #require(response.json["data"]?[0])
            #expect(item.keys == ["id", "anrede", "titel", "vorname", "nachname", "strasse", "plz", "ort", "telefon", "email",
                                  "potenziell_verfuegbar", "ueber_curavani_informiert", "naechster_kontakt_moeglich",
                                  "bevorzugte_diagnosen", "psychotherapieverfahren"])
            #expect(item["nachname"] == "Adler" && item["email"] == free["email"] && item["potenziell_verfuegbar"] == true)
            #expect(item["bevorzugte_diagnosen"] == [])
        }
    }

    @Test("bundle: an unknown therapist is a 200 'no eligible'; missing fields and bad prefixes are 400s")
    func bundleValidation() async throws {
        try await MatchingFixture.with { f in
            try await f.createSearch(f.addPatient())
            let unknown = MatchingIDs.next()
            let response = try await f.post("/api/therapeutenanfragen/erstellen-fuer-therapeut",
                                            ["therapist_id": .int(unknown), "plz_prefix": "52"])
            #expect(response.status == 200)
            #expect(response.json == ["message": .string(Self.noEligible), "therapist_id": .int(unknown), "plz_prefix": "52"])

            let noTherapist = try await f.post("/api/therapeutenanfragen/erstellen-fuer-therapeut", ["plz_prefix": "52"])
            #expect(noTherapist.status == 400)
            #expect(noTherapist.json["message"] == ["therapist_id": .string(PlatzsucheHTTPTests.missingText)])
            let noPrefix = try await f.post("/api/therapeutenanfragen/erstellen-fuer-therapeut", ["therapist_id": .int(unknown)])
            #expect(noPrefix.status == 400)
            #expect(noPrefix.json["message"] == ["plz_prefix": .string(PlatzsucheHTTPTests.missingText)])
            let bad = try await f.post("/api/therapeutenanfragen/erstellen-fuer-therapeut", ["therapist_id": .int(unknown), "plz_prefix": "5"])
            #expect(bad.status == 400 && bad.message == "Invalid PLZ prefix. Must be exactly 2 digits.")

            // A known therapist but no patient in the prefix: no eligible patients either.
            let therapist = f.addTherapist()
            let other = try await f.createBundle(therapist, prefix: "01")
            #expect(other.status == 200)
            #expect(other.json == ["message": .string(Self.noEligible), "therapist_id": .int(therapist.id), "plz_prefix": "01"])
            #expect(try await f.anfragen(of: therapist).json["total"] == 0)
        }
    }

    @Test("bundle: the six oldest searches, in order; the anfrage is stored unsent with positions")
    func bundleTakesOldestSix() async throws {
        try await MatchingFixture.with { f in
            var patients: [Int] = [], searches: [Int] = []
            for _ in 0..<7 {
                let patient = f.addPatient()
                patients.append(patient.id)
                searches.append(try await f.createSearch(patient))
            }
            let therapist = f.addTherapist()
            let response = try await f.createBundle(therapist)
            #expect(response.status == 201)
            #expect(response.json.keys == ["message", "anfrage_id", "therapist_id", "anfragegroesse", "patient_ids", "gesendet"])
            #expect(response.json["message"] == "Created anfrage with 6 patients")
            #expect(response.json["therapist_id"] == .int(therapist.id))
            #expect(response.json["anfragegroesse"] == 6)
            #expect(response.json["patient_ids"] == .array(patients.prefix(6).map { .int($0) }))
            #expect(response.json["gesendet"] == false)
            #expect(f.peers.emails.isEmpty && f.peers.phoneCalls.isEmpty)

            let id = try #require(response.json["anfrage_id"]?.intValue)
            let details = try await f.get("/api/therapeutenanfragen/\(id)").json
            #expect(details["gesendet_datum"] == .null && details["anfragegroesse"] == 6)
            let entries = details["patients"]?.arrayValue ?? []
            #expect(entries.map { $0["position"]?.intValue } == [1, 2, 3, 4, 5, 6])
            #expect(entries.map { $0["platzsuche_id"]?.intValue } == searches.prefix(6).map { $0 })
            #expect(entries.allSatisfy { $0["status"] == "anstehend" })
            let youngest = try await f.get("/api/platzsuchen/\(searches[6])").json
            #expect(youngest["gesamt_anfragen"] == 0)
        }
    }

    @Test("bundle: distance over max_km, search exclusions and the travel mode decide")
    func bundleHardConstraints() async throws {
        try await MatchingFixture.with { f in
            let therapist = f.addTherapist(["strasse": "Praxisweg 3", "plz": "52062", "ort": "Aachen"])
            let far = f.addPatient(["strasse": "Fernweg 1", "raeumliche_verfuegbarkeit": ["max_km": 10]])
            let edge = f.addPatient(["strasse": "Randweg 2", "raeumliche_verfuegbarkeit": ["max_km": 10]])
            let excluded = f.addPatient()
            let transit = f.addPatient(["verkehrsmittel": "ÖPNV"])
            let destination = "Praxisweg 3, 52062, Aachen"
            f.peers.setDistance(from: "Fernweg 1, 52064, Aachen", to: destination, km: 10.5)
            f.peers.setDistance(from: "Randweg 2, 52064, Aachen", to: destination, km: 10)
            for patient in [far, edge, excluded, transit] { try await f.createSearch(patient) }
            let excludedSearch = try #require(try await f.get("/api/platzsuchen?patient_id=\(excluded.id)").json["data"]?[0]?.id)
            #expect(try await f.put("/api/platzsuchen/\(excludedSearch)", ["ausgeschlossene_therapeuten": [.int(therapist.id)]]).status == 200)

            let response = try await f.createBundle(therapist)
            #expect(response.status == 201)
            #expect(response.json["patient_ids"] == [.int(edge.id), .int(transit.id)])
            #expect(response.json["message"] == "Created anfrage with 2 patients")

            let asked = f.peers.requests.filter { $0.peer == .geocoding }
            let farQuestion = asked.first { $0.query["origin"] == "Fernweg 1, 52064, Aachen" }
            #expect(farQuestion?.query["destination"] == destination)
            #expect(farQuestion?.query["travel_mode"] == "car")
            let transitOrigin = "\(transit["strasse"]?.stringValue ?? ""), 52064, Aachen"
            #expect(asked.first { $0.query["origin"] == transitOrigin }?.query["travel_mode"] == "transit")
        }
    }

    @Test("bundle with sofort_senden: sent at once, with the inquiry email")
    func bundleSendsAtOnce() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient()
            try await f.createSearch(patient)
            let therapist = f.addTherapist()
            let response = try await f.createBundle(therapist, sofort: true)
            #expect(response.status == 201)
            #expect(response.json["gesendet"] == true)
            let id = try #require(response.json["anfrage_id"]?.intValue)
            let emails = f.peers.emails
            #expect(emails.count == 1)
            #expect(emails.first?["betreff"] == .string("Suche Psychotherapieplätze - Ref: A\(id)"))
            #expect(emails.first?["therapist_id"] == .int(therapist.id))
            let details = try await f.get("/api/therapeutenanfragen/\(id)").json
            #expect(details["gesendet_datum"]?.stringValue != nil)
            #expect(details["email_id"] == emails.first?["id"])
        }
    }

    /// §5.1 a: "if it fails/non-200 → passes" (and §2: anything but a 200 is an unknown distance).
    @Test("bundle: a geocoding service answering 500 leaves the distance unknown, which passes")
    func bundleWithFailingGeocoding() async throws {
        try await MatchingFixture.with { f in
            let patient = f.addPatient(["raeumliche_verfuegbarkeit": ["max_km": 1]])
            try await f.createSearch(patient)
            let therapist = f.addTherapist()
            f.peers.failing(.geocoding, with: .internalServerError)
            let response = try await f.createBundle(therapist)
            #expect(f.peers.distanceRequests >= 1)
            #expect(response.status == 201)
            #expect(response.json["patient_ids"] == [.int(patient.id)])
            #expect(try await f.anfragen(of: therapist).json["total"] == 1)
        }
    }

    /// §5.1 a: "if it fails/non-200 → passes"; §2: "anything else → unknown" — an unreachable
    /// geocoding service is a failed question like a 500.
    @Test("bundle: an unreachable geocoding service leaves the distance unknown, which passes")
    func bundleWithUnreachableGeocoding() async throws {
        try await MatchingFixture.with(environment: ["GEOCODING_SERVICE_URL": "http://127.0.0.1:1"]) { f in
            let patient = f.addPatient(["raeumliche_verfuegbarkeit": ["max_km": 1]])
            try await f.createSearch(patient)
            let therapist = f.addTherapist()
            let response = try await f.createBundle(therapist)
            // Fix (README "Peers"): an unreachable geocoding service is a 503 naming it, not a
            // silently passed distance check; and no half-written bundle.
            #expect(response.status == 503)
            #expect(response.message?.hasPrefix("geocoding service unreachable") == true)
            let list = try await f.anfragen(of: therapist)
            #expect(list.status == 200 && list.json["total"] == 0)
        }
    }

    @Test("an unreachable patient service: bundle 503 naming it, nothing stored")
    func unreachablePatientService() async throws {
        try await MatchingFixture.with(environment: ["PATIENT_SERVICE_URL": "http://127.0.0.1:1"]) { f in
            let therapist = f.addTherapist()
            let response = try await f.createBundle(therapist)
            #expect(response.status == 503)
            #expect(response.message?.contains("patient service") == true)
            let list = try await f.anfragen(of: therapist)
            #expect(list.status == 200 && list.json["total"] == 0)
        }
    }

    /// §3.2 step 1 says "not found/unreachable → 404"; we answer 503 naming the peer (README "Peers").
    @Test("an unreachable patient service: creating a search is a 503 naming it, nothing stored")
    func unreachablePatientServiceOnCreate() async throws {
        try await MatchingFixture.with(environment: ["PATIENT_SERVICE_URL": "http://127.0.0.1:1"]) { f in
            let id = MatchingIDs.next()
            let response = try await f.post("/api/platzsuchen", ["patient_id": .int(id)])
            #expect(response.status == 503)
            #expect(response.message?.hasPrefix("patient service unreachable for GET /api/patients/") == true)
            let list = try await f.get("/api/platzsuchen?patient_id=\(id)")
            #expect(list.status == 200 && list.json["total"] == 0)
        }
    }
}
