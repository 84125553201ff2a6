import Testing
import Shared
@testable import TherapistService

/// therapist.md §6.3 mapping, create and update rules, one fixture scenario per rule.
@Suite("Import field rules")
struct ImportFieldRuleTests {
    @Test("status gesperrt, sperrgrund, availability, notes, the informed flag and every other preserved field survive an import")
    func preservedFields() async throws {
        let s = ImportScenario(name: "preserved")
        await s.run("first")
        let id = try #require(s.therapist("Anna")?.id)
        let day = LocalDate("2026-01-15")!
        s.store.edit(id) { t in
            t.status = .gesperrt
            t.sperrgrund = "Keine Kapazität"
            t.sperrdatum = day
            t.kassensitz = false
            t.potenziellVerfuegbar = true
            t.potenziellVerfuegbarNotizen = "ab März"
            t.ueberCuravaniInformiert = true
            t.naechsterKontaktMoeglich = day
            t.bevorzugteDiagnosen = ["F32"]
            t.alterMin = 18
            t.alterMax = 65
            t.geschlechtspraeferenz = "Egal"
            t.arbeitszeiten = ["Mo": ["08:00-12:00"]]
            t.bevorzugtGruppentherapie = true
            t.letzterKontaktEmail = day
            t.letzterKontaktTelefon = day
            t.letztesPersoenlichesGespraech = day
            t.createdAt = LocalDate("2025-01-01")
            t.webseite = "https://praxis.example"
            t.zusatzqualifikationen = "EMDR"
        }
        let before = try #require(s.therapist("Anna"))
        let (summary, _) = await s.run("second")
        #expect(summary.changed == 1)
        let after = try #require(s.therapist("Anna"))
        // Only the scraped fields and updated_at changed.
        var expected = before
        expected.telefon = "0241 999"
        expected.strasse = "Markt 1"
        expected.fremdsprachen = ["Englisch", "Türkisch"]
        expected.updatedAt = LocalDate("2026-11-23")
        #expect(after == expected)
    }

    @Test("importing the same file again writes nothing: updated_at stays unset")
    func unchangedWritesNothing() async throws {
        let s = ImportScenario(name: "update-phone-title")
        await s.run("first")
        let writes = s.store.writes
        let (summary, _) = await s.run("first")
        #expect(summary.unchanged == 1 && summary.changed == 0 && summary.processed == 1)
        #expect(s.store.writes == writes)
        #expect(s.therapist("Anna")?.updatedAt == nil)
    }

    @Test("missing or empty last name / PLZ fails with 'Failed to map therapist data'; salutation defaults and genders")
    func mapping() async throws {
        let s = ImportScenario(name: "mapping")
        let (summary, snapshot) = await s.run("first")
        #expect(summary.failed == 4 && summary.created == 4)
        #expect(snapshot.recent.map(\.failedCount) == [4])
        let message = try #require(s.communication.messages.first).message
        #expect(message.contains("Failed to map therapist data: 3 occurrences"))
        #expect(message.contains("  - Ohne  (52062.json)") && message.contains("  - Leer  (52062.json)"))
        #expect(message.contains("   Therapist: Doktor Anrede\n   Error: Creation failed: Invalid anrede 'Dr.'. Valid values: Herr, Frau"))
        let missing = try #require(s.store.all.first { $0.vorname == "Fehlende" })
        #expect(missing.anrede == .frau && missing.geschlecht == .weiblich)
        let empty = try #require(s.store.all.first { $0.vorname == "Leere" })
        #expect(empty.anrede == .frau && empty.geschlecht == .weiblich)
        let herr = try #require(s.therapist("Herbert"))
        #expect(herr.anrede == .herr && herr.geschlecht == .maennlich)
    }

    @Test("a fresh import: kassensitz, aktiv, not available, not informed; kept-empty texts are \"\"; JSON defaults")
    func createdDefaults() async throws {
        let s = ImportScenario(name: "mapping")
        await s.run("first")
        let minimal = try #require(s.therapist("Minimal"))
        #expect(minimal.kassensitz == true && minimal.status == .aktiv)
        #expect(minimal.potenziellVerfuegbar == false && minimal.ueberCuravaniInformiert == false)
        #expect([minimal.titel, minimal.strasse, minimal.ort, minimal.telefon, minimal.email, minimal.fax] == ["", "", "", "", "", ""])
        #expect(minimal.telefonischeErreichbarkeit == .object(JSONObject()) && minimal.fremdsprachen == .array([]))
        #expect(minimal.createdAt == LocalDate("2026-11-23") && minimal.updatedAt == nil)
        let full = try #require(s.therapist("Herbert"))
        #expect(full.strasse == "Pontstraße 12" && full.ort == "Aachen" && full.telefon == "0241 111")
        #expect(full.telefonischeErreichbarkeit == ["Mo": ["09:00-10:00"], "Di": ["14:00-15:00"]])
    }

    @Test("therapy methods: both → egal, only tiefenpsychologisch → that, only Verhaltenstherapie → that, none → egal")
    func methods() async {
        let s = ImportScenario(name: "methods")
        await s.run("first")
        let byName = Dictionary(uniqueKeysWithValues: s.store.all.map { ($0.vorname, $0.psychotherapieverfahren) })
        #expect(byName == ["Beide": .egal, "Tiefe": .tiefenpsychologisch, "Verhalten": .verhaltenstherapie, "Analyse": .egal])
    }

    @Test("entries without an 'Erwachsene' method are skipped, not failed, and still counted in therapist_count")
    func skipped() async {
        let s = ImportScenario(name: "skip")
        let (summary, snapshot) = await s.run("first")
        #expect(summary.skipped == 2 && summary.created == 1 && summary.failed == 0)
        #expect(snapshot.recent.map(\.therapistCount) == [3] && snapshot.recent.map(\.successCount) == [1])
        #expect(s.store.all.map(\.vorname) == ["Erwachsen"])
        #expect(s.communication.messages.isEmpty)
    }

    @Test("an invalid salutation on update is skipped (with a warning); the rest is updated")
    func invalidSalutationOnUpdate() async throws {
        let store = InMemoryTherapistStore()
        var existing = Therapist(anrede: .frau, geschlecht: .weiblich, vorname: "Doktor", nachname: "Anrede", createdAt: nil)
        existing.plz = "52062"
        _ = try await store.insert(existing)
        let s = ImportScenario(name: "mapping")
        let importer = TherapistImport(store: store, logger: Logger(service: "t", level: .debug, sink: s.logSink))
        let entry: JSONValue = ["basic_info": ["salutation": "Dr.", "first_name": "Doktor", "last_name": "Anrede"],
                                "location": ["postal_code": "52062"], "therapy_methods": ["Verhaltenstherapie (Erwachsene)"]]
        #expect(try await importer.run(entry, today: LocalDate("2026-11-23")!) == .updated(1, changed: true))
        let stored = try #require(try await store.find(1))
        #expect(stored.anrede == .frau && stored.geschlecht == .keineAngabe && stored.psychotherapieverfahren == .verhaltenstherapie)
        #expect(s.logSink.capturedLines.contains { $0.contains("Invalid anrede 'Dr.'") })
    }

    @Test("values the API would refuse (a title over 20 characters, NUL) fail with the API's message, create and update")
    func overLongValues() async throws {
        let store = InMemoryTherapistStore()
        let importer = TherapistImport(store: store, logger: Logger(service: "t", level: .critical))
        func entry(title: String, first: String = "Lang") -> JSONValue {
            ["basic_info": ["salutation": "Herr", "title": .string(title), "first_name": .string(first), "last_name": "Titel"],
             "location": ["postal_code": "52062"], "therapy_methods": ["Verhaltenstherapie (Erwachsene)"]]
        }
        let today = LocalDate("2026-11-23")!
        let long = String(repeating: "Prof. ", count: 5)
        #expect(try await importer.run(entry(title: long), today: today) == .failed("Creation failed: titel: must be at most 20 characters"))
        #expect(try await importer.run(entry(title: "Dr.", first: "A\u{0}B"), today: today)
                == .failed("Creation failed: vorname: must not contain NUL characters"))
        #expect(store.all.isEmpty)
        guard case .created = try await importer.run(entry(title: "Dr."), today: today) else { Issue.record("not created"); return }
        #expect(try await importer.run(entry(title: long), today: today) == .failed("Update failed: titel: must be at most 20 characters"))
        #expect(store.all.map(\.titel) == ["Dr."])
    }

    @Test("outcome messages: created, updated, failures")
    func messages() {
        #expect(ImportOutcome.created(7).message == "Therapist created: ID 7")
        #expect(ImportOutcome.updated(7, changed: false).message == "Therapist updated: ID 7")
        #expect(ImportOutcome.failed("Update failed: x").message == "Update failed: x")
    }
}
