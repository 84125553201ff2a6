import Testing
import Shared
@testable import TherapistService

/// therapist.md §6.3 "Finding an existing therapist", one fixture scenario per rule.
@Suite("Import matching rules")
struct ImportMatchingRuleTests {
    @Test("same name and PLZ updates the therapist: phone and title change")
    func samePLZUpdates() async throws {
        let s = ImportScenario(name: "update-phone-title")
        await s.run("first")
        let (summary, _) = await s.run("second")
        #expect(summary.changed == 1 && summary.created == 0)
        let anna = try #require(s.therapist("Anna"))
        #expect(s.store.all.count == 1)
        #expect(anna.telefon == "0241 222" && anna.titel == "Dr.")
        #expect(anna.updatedAt == LocalDate("2026-11-23"))
    }

    @Test("same name with a different PLZ creates a second therapist")
    func differentPLZCreates() async {
        let s = ImportScenario(name: "different-plz")
        await s.run("first")
        let (summary, _) = await s.run("second")
        #expect(summary.created == 1)
        #expect(s.store.all.map(\.plz) == ["52062", "52064"])
    }

    @Test("a new surname with the same first name, address, title and email updates the surname")
    func surnameChange() async {
        let s = ImportScenario(name: "surname-change")
        await s.run("first")
        let (summary, _) = await s.run("second")
        #expect(summary.changed == 1)
        #expect(s.store.all.map(\.nachname) == ["Müller"])
    }

    @Test("two different first names at one practice are two therapists")
    func twoFirstNames() async {
        let s = ImportScenario(name: "two-first-names")
        let (summary, _) = await s.run("first")
        #expect(summary.created == 2)
        #expect(s.store.all.map(\.vorname) == ["Anna", "Berta"])
    }

    @Test("a different title blocks the secondary match")
    func titleBlocks() async {
        let s = ImportScenario(name: "title-blocks")
        await s.run("first")
        await s.run("second")
        #expect(s.store.all.map(\.nachname) == ["Schmidt", "Müller"])
    }

    @Test("a different email blocks the secondary match")
    func emailBlocks() async {
        let s = ImportScenario(name: "email-blocks")
        await s.run("first")
        await s.run("second")
        #expect(s.store.all.map(\.nachname) == ["Schmidt", "Müller"])
    }

    @Test("an empty incoming email does not block the secondary match and never erases the stored one")
    func emptyEmail() async throws {
        let s = ImportScenario(name: "empty-email")
        await s.run("first")
        await s.run("second")
        let anna = try #require(s.therapist("Anna"))
        #expect(anna.nachname == "Müller" && anna.email == "anna@praxis-schmidt.de")
        // A new therapist keeps the empty email as "" (not null).
        #expect(s.therapist("Carla")?.email == "")
        let (summary, _) = await s.run("third")
        #expect(summary.unchanged == 1)
        #expect(s.therapist("Anna")?.email == "anna@praxis-schmidt.de")
        #expect(s.store.all.count == 2)
    }

    @Test("the primary match wins over the secondary one; the lowest id wins within each")
    func primaryFirst() async throws {
        let store = InMemoryTherapistStore()
        for (first, last) in [("Anna", "Müller"), ("Anna", "Schmidt"), ("Anna", "Schmidt")] {
            var t = Therapist(anrede: .frau, geschlecht: .weiblich, vorname: first, nachname: last, createdAt: nil)
            (t.plz, t.ort, t.strasse, t.titel, t.email) = ("52062", "Aachen", "Pontstraße 12", "", "a@b.de")
            _ = try await store.insert(t)
        }
        let key = TherapistMatchKey(vorname: "Anna", nachname: "Schmidt", plz: "52062", ort: "Aachen", strasse: "Pontstraße 12",
                                    titel: "", email: "a@b.de")
        #expect(try await store.importMatch(key)?.id == 2)
        var other = key
        other.nachname = "Neu"
        #expect(try await store.importMatch(other)?.id == 1)
    }
}
