import Foundation
import Synchronization
import Testing
import Shared
import TestSupport
@testable import GeocodingService

/// `GET /api/calculate-plz-distance` over HTTP against the test database (geocoding.md §1.4),
/// and `geocoding import-plz`. The database is shared: the fixture is upserted (idempotent),
/// never deleted.
@Suite("PLZ distance and import-plz against Postgres", .serialized)
struct PLZDistanceHTTPTests {
    static var environment: [String: String] {
        var values = PLZFixture.environment
        values.merge(TestDatabase.serviceEnvironment) { $1 }
        values["MIGRATIONS_DIR"] = TestDatabase.migrationsDirectory("geocoding")
        return values
    }

    /// Runs `import-plz` with `arguments`; the exit code and the printed lines.
    static func importPLZ(_ arguments: [String]) async throws -> (Int32, [String]) {
        try await TestDatabase.migrate(GeocodingApp.self, environment: environment)
        let lines = Mutex<[String]>([])
        let code = await ServiceMain.command("import-plz", GeocodingApp.self, arguments: arguments,
                                             environment: Environment(environment), print: { line in lines.withLock { $0.append(line) } })
        return (code, lines.withLock { $0 })
    }

    @Test("import-plz: the fixture twice (insert or update, then all updates, no duplicates); usage and file errors")
    func importCommand() async throws {
        let rows = try CentroidFileFormat.parse(CentroidFile.contents(PLZFixture.path))
        let (first, firstLines) = try await Self.importPLZ([PLZFixture.path])
        #expect(first == 0 && firstLines.count == 1)
        let summary = try JSONParser.parse(firstLines[0])
        #expect(summary.objectValue?.keys == ["format", "read", "imported", "updated", "skipped"])
        #expect(summary["format"] == "json" && summary["read"]?.intValue == rows.read && summary["skipped"] == 0)
        #expect((summary["imported"]?.intValue ?? 0) + (summary["updated"]?.intValue ?? 0) == rows.centroids.count)
        let (second, secondLines) = try await Self.importPLZ([PLZFixture.path])
        #expect(second == 0)
        #expect(secondLines == [#"{"format":"json","read":\#(rows.read),"imported":0,"updated":\#(rows.centroids.count),"skipped":0}"#])
        let stored = try await Self.storedFixtureRows()
        #expect(stored == rows.centroids.count)
        #expect(try await Self.importPLZ([]).0 == 2)
        #expect(try await Self.importPLZ(["a", "b"]).0 == 2)
        #expect(try await Self.importPLZ(["/nonexistent/DE.txt"]) == (1, []))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("plz-\(UUID().uuidString).txt").path
        try "AT\t1010\tWien\tWien\t09\t\t\t\t\t48.2\t16.3\t4\n".write(toFile: empty, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try await Self.importPLZ([empty]) == (1, []))
    }

    /// How many rows the table holds for the fixture's PLZs (plz is the key: at most one each).
    static func storedFixtureRows() async throws -> Int {
        let harness = try await ServiceHarness<GeocodingApp>(environment: PLZFixture.environment)
        let plz = Set(try CentroidFileFormat.parse(CentroidFile.contents(PLZFixture.path)).centroids.map(\.plz))
        let stored = try await harness.runtime.app.centroids.store.all().filter { plz.contains($0.plz) }.count
        _ = await harness.shutdown()
        return stored
    }

    @Test("calculate-plz-distance: spec cases, error shapes, key order, float spelling")
    func distance() async throws {
        #expect(try await Self.importPLZ([PLZFixture.path]).0 == 0)
        let harness = try await ServiceHarness<GeocodingApp>(environment: PLZFixture.environment)
        let http = HTTPClient()
        let api = APIClient(port: harness.port, http: http)
        func get(_ query: String) async throws -> APIResponse { try await api.call(.get, "/api/calculate-plz-distance?" + query) }

        let berlin = try await get("origin_plz=52062&destination_plz=10115")
        #expect(berlin.status == 200 && berlin.headers["Content-Type"] == "application/json")
        #expect(berlin.json.objectValue?.keys == ["distance_km", "status", "source", "origin_centroid", "destination_centroid"])
        let km = try #require(berlin.json["distance_km"]?.doubleValue)
        #expect(km > 400 && km < 600 && berlin.json["status"] == "success" && berlin.json["source"] == "plz_centroids")
        #expect(berlin.json["origin_centroid"]?.objectValue?.keys == ["latitude", "longitude"])
        #expect(berlin.json["origin_centroid"]?["latitude"]?.doubleValue == 50.7827)
        #expect(berlin.text.contains(#""distance_km":\#(km),"#) && !berlin.text.contains("000000"))
        let near = try await get("origin_plz=52062&destination_plz=52064")
        #expect((near.json["distance_km"]?.doubleValue ?? 99) < 10)
        let same = try await get("origin_plz=%2052062%20&destination_plz=52062")
        #expect(same.status == 200 && same.text.hasPrefix(#"{"distance_km":0.0,"status":"success""#))

        #expect(try await get("origin_plz=00000&destination_plz=10115").text == #"{"status":"error","error":"One or both PLZ codes not found"}"#)
        #expect(try await get("origin_plz=10115&destination_plz=99062").status == 404)
        let short = try await get("origin_plz=5206&destination_plz=10115")
        #expect(short.status == 400 && short.text == #"{"status":"error","error":"Invalid origin PLZ format: 5206"}"#)
        let letter = try await get("origin_plz=10115&destination_plz=52062a")
        #expect(letter.status == 400 && letter.text == #"{"status":"error","error":"Invalid destination PLZ format: 52062a"}"#)
        let missing = try await get("destination_plz=10115")
        #expect(missing.status == 400 && missing.message == "Origin PLZ is required")
        #expect(try await get("origin_plz=10115&destination_plz=").message == "Destination PLZ is required")
        http.shutdown()
        #expect(await harness.shutdown() == 0)
    }
}
