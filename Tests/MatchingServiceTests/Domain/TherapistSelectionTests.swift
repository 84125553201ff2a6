import Testing
import Shared
@testable import MatchingService

@Suite("Matching therapist selection (§4)") struct TherapistSelectionTests {
    func ids(_ items: [JSONValue], pending: Set<Int> = []) -> [Int] { items.compactMap { $0["id"]?.intValue } }
    func select(_ therapists: [JSONValue], pending: Set<Int> = []) -> [Int] {
        ids(TherapistSelection.select(therapists, pending: pending, today: World.today))
    }

    @Test("tiers 0…7 by potenziell_verfuegbar, ueber_curavani_informiert, email; then nachname, vorname")
    func tiers() {
        var therapists: [JSONValue] = []
        for tier in (0..<8).reversed() {
            therapists.append(World.therapist(tier + 1, [("potenziell_verfuegbar", .bool(tier % 4 < 2)),
                                                        ("ueber_curavani_informiert", .bool(tier % 2 == 0)),
                                                        ("email", tier < 4 ? .string("t\(tier)@x.de") : .null)]))
        }
        #expect(select(therapists) == [1, 2, 3, 4, 5, 6, 7, 8])
        let names = [World.therapist(1, [("nachname", "Zander")]), World.therapist(2, [("nachname", "Ärger")]),
                     World.therapist(3, [("nachname", "Adam"), ("vorname", "Z")]), World.therapist(4, [("nachname", "Adam"), ("vorname", "B")]),
                     World.therapist(5, [("nachname", "Adam"), ("vorname", "B")])]
        #expect(select(names) == [4, 5, 3, 1, 2])  // byte order puts Ä after Z; ties stable
    }

    @Test("a pending or cooling member drops the whole email group; individuals alone")
    func dropping() {
        let group = [World.therapist(1, [("email", "praxis@x.de")]), World.therapist(2, [("email", " Praxis@X.de ")])]
        #expect(select(group).count == 1)
        #expect(select(group, pending: [2]) == [])
        let cooling = [group[0], World.therapist(2, [("email", "praxis@x.de"), ("naechster_kontakt_moeglich", "2025-06-16")])]
        #expect(select(cooling) == [])
        let cooled = [group[0], World.therapist(2, [("email", "praxis@x.de"), ("naechster_kontakt_moeglich", "2025-06-15")])]
        #expect(select(cooled).count == 1)
        let single = [World.therapist(3), World.therapist(4, [("email", "  ")]), World.therapist(5, [("naechster_kontakt_moeglich", "2025-07-01")])]
        #expect(select(single, pending: [3]) == [4])
    }

    @Test("owner: last name in email (umlauts folded), else Prof before Dr, else lowest id")
    func owner() {
        let byName = [World.therapist(1, [("email", "praxis.mueller@x.de"), ("titel", "Prof.")]),
                      World.therapist(2, [("email", "praxis.mueller@x.de"), ("nachname", "Müller")]),
                      World.therapist(3, [("email", "praxis.mueller@x.de"), ("nachname", "Müller")])]
        #expect(select(byName) == [2])
        let byTitle = [World.therapist(1, [("email", "p@x.de"), ("titel", "Dr. med.")]),
                       World.therapist(2, [("email", "p@x.de"), ("titel", "Prof. Dr.")]),
                       World.therapist(3, [("email", "p@x.de"), ("titel", "Prof")])]
        #expect(select(byTitle) == [2])
        let byID = [World.therapist(7, [("email", "p@x.de")]), World.therapist(4, [("email", "p@x.de")]), World.therapist(9, [("email", "p@x.de")])]
        #expect(select(byID) == [4])
        #expect(TherapistSelection.folded("Weiß-Köhler Ülm") == "weiss-koehler uelm")
    }

    @Test("output: exactly the 15 keys in order with defaults")
    func output() throws {
        let item = try #require(TherapistSelection.select([World.therapist(1, [("bevorzugte_diagnosen", .null)])], pending: [], today: World.today).first)
        #expect(item.objectValue?.keys == TherapistSelection.keys)
        #expect(item.objectValue?.keys.count == 15)
        #expect(item["potenziell_verfuegbar"] == false && item["ueber_curavani_informiert"] == false)
        #expect(item["bevorzugte_diagnosen"] == [])
        #expect(item["telefon"] == .null)
        #expect(item["nachname"] == "T1")
    }
}
