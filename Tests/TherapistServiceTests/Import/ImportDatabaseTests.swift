import Foundation
import Testing
import Shared
import TestSupport
@testable import TherapistService

/// The importer against the test database through `PostgresTherapistStore` (needs
/// `scripts/test-postgres.sh start`). Every test uses its own random names and PLZ, so it
/// shares the table with the other suites.
@Suite("Therapist import against PostgreSQL")
struct ImportDatabaseTests {
    static func store() async throws -> PostgresTherapistStore {
        try await TestDatabase.migrate(TherapistApp.self, environment: TestDatabase.serviceEnvironment)
        var reader = ConfigReader(Environment(TestDatabase.serviceEnvironment))
        let config = DatabaseConfig(reading: &reader, applicationName: "therapist-import-test")
        try reader.finish()
        return PostgresTherapistStore(db: PostgresPool(config: config, endpoint: config.pooled, metrics: MetricsRegistry(),
                                                       logger: Logger(service: "import-test", level: .critical)))
    }

    /// A unique 10-character PLZ-like text (the column is varchar(10)).
    static func plz() -> String { "T" + String(UUID().uuidString.prefix(9)) }

    static func therapist(_ vorname: String, _ nachname: String, plz: String, ort: String? = "Aachen", strasse: String? = "Markt 1",
                          titel: String? = "", email: String? = "") -> Therapist {
        var t = Therapist(anrede: .frau, geschlecht: .weiblich, vorname: vorname, nachname: nachname, createdAt: nil)
        (t.plz, t.ort, t.strasse, t.titel, t.email) = (plz, ort, strasse, titel, email)
        return t
    }

    static func key(_ vorname: String, _ nachname: String, plz: String, ort: String? = "Aachen", strasse: String? = "Markt 1",
                    titel: String? = "", email: String? = "") -> TherapistMatchKey {
        TherapistMatchKey(vorname: vorname, nachname: nachname, plz: plz, ort: ort, strasse: strasse, titel: titel, email: email)
    }

    @Test("importMatch: primary before secondary, lowest id within each; \"\" matches only \"\"; email only when given")
    func importMatch() async throws {
        let store = try await Self.store()
        defer { Task { await store.db.shutdown(until: .now.advanced(by: .seconds(5))) } }
        let plz = Self.plz()
        let married = try await store.insert(Self.therapist("Anna", "Alt", plz: plz, email: "anna@x.de"))
        let first = try await store.insert(Self.therapist("Anna", "Schmidt", plz: plz))
        _ = try await store.insert(Self.therapist("Anna", "Schmidt", plz: plz))
        let nullTitle = try await store.insert(Self.therapist("Berta", "Null", plz: plz, titel: nil))
        #expect(try await store.importMatch(Self.key("Anna", "Schmidt", plz: plz, email: "other@x.de"))?.id == first.id)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, email: "anna@x.de"))?.id == married.id)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, email: ""))?.id == married.id)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, email: "other@x.de")) == nil)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, titel: "Dr.")) == nil)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, strasse: "Markt 2")) == nil)
        #expect(try await store.importMatch(Self.key("Anna", "Neu", plz: plz, ort: "")) == nil)
        // NULL never matches, not even "".
        #expect(try await store.importMatch(Self.key("Berta", "Neu", plz: plz, titel: "")) == nil)
        #expect(try await store.importMatch(Self.key("Berta", "Null", plz: plz))?.id == nullTitle.id)
        #expect(try await store.importMatch(Self.key("Anna", "Schmidt", plz: Self.plz())) == nil)
    }

    /// Writes `{"therapists": entries}` as `<base>/<date>/<name>`.
    static func place(_ entries: [JSONValue], base: String, date: String = "20261120", name: String) throws {
        try FileManager.default.createDirectory(atPath: base + "/" + date, withIntermediateDirectories: true)
        try JSONWriter().string(["therapists": .array(entries)]).write(toFile: base + "/" + date + "/" + name, atomically: true, encoding: .utf8)
    }

    static func entry(_ first: String, _ last: String, plz: String, phone: String = "0241 1", hours: JSONValue = ["Mo": ["9-10"], "Di": ["1"]]) -> JSONValue {
        ["basic_info": ["salutation": "Herr", "title": "Dr.", "first_name": .string(first), "last_name": .string(last)],
         "location": ["street": "Markt", "house_number": "1", "postal_code": .string(plz), "city": "Aachen"],
         "contact": ["phone": .string(phone), "email": "", "fax": ""],
         "therapy_methods": ["Verhaltenstherapie (Erwachsene)"], "languages": ["Englisch"], "telephone_hours": hours]
    }

    @Test("files on disk → rows in the database → statistics; a repeated import writes nothing, a change writes once")
    func endToEnd() async throws {
        let store = try await Self.store()
        defer { Task { await store.db.shutdown(until: .now.advanced(by: .seconds(5))) } }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("therapist-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let plz = Self.plz(), last = "E2E" + UUID().uuidString.prefix(8)
        try Self.place([Self.entry("Anna", last, plz: plz), Self.entry("Berta", last, plz: plz)], base: base, name: "\(plz).json")
        let communication = RecordingCommunication()
        let importer = TherapistImporter.make(ImportConfig(folderPath: base, interval: .seconds(86_400)), store: store,
                                              communication: communication, logger: Logger(service: "t", level: .critical))
        let first = await importer.runCycle()
        #expect(first.created == 2 && first.succeeded)
        let anna = try #require(try await store.importMatch(Self.key("Anna", last, plz: plz)))
        #expect(anna.anrede == .herr && anna.geschlecht == .maennlich && anna.titel == "Dr." && anna.strasse == "Markt 1")
        #expect(anna.email == "" && anna.kassensitz == true && anna.status == .aktiv && anna.updatedAt == nil)
        #expect(anna.createdAt == LocalDate.today())
        // jsonb reorders the keys ("Di" before "Mo"): still the same, so nothing is written.
        let second = await importer.runCycle()
        #expect(second.unchanged == 2 && second.changed == 0)
        #expect(try await store.find(anna.id)?.updatedAt == nil)
        _ = try await store.update(anna.id) { var t = $0; t.status = .gesperrt; t.sperrgrund = "voll"; return t }
        try Self.place([Self.entry("Anna", last, plz: plz, phone: "0241 2"), Self.entry("Berta", last, plz: plz)], base: base,
                       date: "20261121", name: "\(plz).json")
        let third = await importer.runCycle()
        #expect(third.changed == 1 && third.unchanged == 1)
        let updated = try #require(try await store.find(anna.id))
        #expect(updated.telefon == "0241 2" && updated.status == .gesperrt && updated.sperrgrund == "voll")
        #expect(updated.updatedAt == LocalDate.today())
        let s = importer.statistics.snapshot
        #expect(s.totalFilesProcessed == 3 && s.totalTherapistsProcessed == 6 && s.totalTherapistsFailed == 0)
        #expect(s.recent.last?.file == "20261121/\(plz).json" && s.recent.last?.therapistCount == 2)
        #expect(communication.messages.isEmpty)
        await importer.shutdown(until: .now)
    }
}
