import Testing
import Shared
@testable import TherapistService

@Suite("Therapist domain")
struct TherapistDomainTests {
    static func therapist(_ change: (inout Therapist) -> Void = { _ in }) -> Therapist {
        var therapist = Therapist(anrede: .frau, geschlecht: .weiblich, vorname: "Eva", nachname: "Muster",
                                  createdAt: LocalDate(year: 2025, month: 1, day: 2))
        therapist.id = 7
        change(&therapist)
        return therapist
    }

    @Test("display name: title, first and last name trimmed; no title, empty title or spaces leave no gap")
    func displayName() {
        #expect(Self.therapist { $0.titel = "Dr. med." }.displayName == "Dr. med. Eva Muster")
        #expect(Self.therapist().displayName == "Eva Muster")
        #expect(Self.therapist { $0.titel = "" }.displayName == "Eva Muster")
        #expect(Self.therapist { $0.titel = "  " }.displayName == "Eva Muster")
    }

    @Test("search terms select therapy methods ignoring case", arguments: [
        ("verhaltens", [Therapieverfahren.verhaltenstherapie]), ("TIEFEN", [.tiefenpsychologisch]),
        ("e", Therapieverfahren.allCases), ("egal", [.egal]), ("xyz", []),
    ])
    func searchedMethods(term: String, methods: [Therapieverfahren]) {
        #expect(TherapistListQuery(search: term).searchedMethods == methods)
    }

    @Test("list query: trims prefix and search (empty is none) and clamps paging")
    func listQuery() {
        let query = TherapistListQuery(plzPrefix: " 52 ", search: "  ", page: -3, limit: 5000)
        #expect(query.plzPrefix == "52" && query.search == nil && query.page == 1 && query.limit == 1000)
        #expect(TherapistListQuery(page: Int.max, limit: 1000).offset == Int.max, "saturates instead of trapping")
        #expect(TherapistListQuery().limit == 20 && TherapistListQuery(limit: 0).limit == 1)
    }

    @Test("a new therapist has the application defaults, and its record renders unset ages as 0")
    func defaults() throws {
        let json = try JSONParser.parse(TherapistRecord(Self.therapist()).json)
        #expect(json["kassensitz"] == true && json["status"] == "aktiv" && json["psychotherapieverfahren"] == "egal")
        #expect(json["alter_min"] == 0 && json["alter_max"] == 0 && json["fremdsprachen"] == [])
        #expect(json["created_at"] == "2025-01-02" && json["updated_at"] == .null && json["id"] == 7)
        #expect(json.objectValue?.keys == TherapistRecord.layout.keys)
    }

    @Test("changes apply field by field; a create takes its four required fields")
    func changes() throws {
        let body = try #require(try JSONParser.parse("""
            {"anrede":"Herr","geschlecht":"divers","vorname":"Kim","nachname":"Lee","alter_min":"18","arbeitszeiten":{"montag":[]},
             "status":"inaktiv","sperrdatum":"2025-05-05","geschlechtspraeferenz":"Egal"}
            """).objectValue)
        let created = Therapist(creating: try TherapistChanges(from: body, mode: .create), today: LocalDate(year: 2025, month: 6, day: 1)!)
        #expect(created.anrede == .herr && created.geschlecht == .divers && created.vorname == "Kim" && created.nachname == "Lee")
        #expect(created.alterMin == 18 && created.alterMax == nil && created.status == .inaktiv)
        #expect(created.sperrdatum == LocalDate(year: 2025, month: 5, day: 5) && created.geschlechtspraeferenz == "Egal")
        #expect(created.arbeitszeiten == ["montag": []] && created.createdAt == LocalDate(year: 2025, month: 6, day: 1))
    }
}
