import Foundation
import Shared
import TestSupport
@testable import GeocodingService

/// The geocoding service in-process against the test database, its upstreams replaced by
/// `FakeOSM` (fast retries, no rate-limit waits), and a client to call it. The PLZ fixture is
/// imported once per process (an idempotent upsert) so the shortcut finds its centroids.
final class GeocodingFixture: Sendable {
    let osm: FakeOSM
    let harness: ServiceHarness<GeocodingApp>
    let http = HTTPClient()
    let api: APIClient

    init(environment: [String: String] = [:]) async throws {
        osm = try await FakeOSM()
        try await Self.importFixture()
        var values = PLZFixture.environment
        values.merge(["OSM_API_URL": osm.url, "OSRM_API_URL": osm.url, "OSM_MAX_RETRIES": "2", "OSM_TIMEOUT": "5",
                      "OSM_RATE_LIMIT": "1000"]) { $1 }
        values.merge(environment) { $1 }
        harness = try await ServiceHarness<GeocodingApp>(environment: values)
        api = APIClient(port: harness.port, http: http)
    }

    static let imported = AsyncLock()
    static func importFixture() async throws {
        try await imported.withLock {
            var environment = PLZFixture.environment
            environment.merge(TestDatabase.serviceEnvironment) { $1 }
            try await TestDatabase.migrate(GeocodingApp.self, environment: environment)
            let code = await ServiceMain.command("import-plz", GeocodingApp.self, arguments: [PLZFixture.path],
                                                 environment: Environment(environment), print: { _ in })
            guard code == 0 else { throw TestSupportError("import-plz failed: \(code)") }
        }
    }

    func stop() async {
        _ = await harness.shutdown()
        http.shutdown()
        await osm.stop()
    }

    static func with(environment: [String: String] = [:], _ body: (GeocodingFixture) async throws -> Void) async throws {
        let fixture = try await GeocodingFixture(environment: environment)
        do { try await body(fixture) } catch { await fixture.stop(); throw error }
        await fixture.stop()
    }

    /// A query value, percent-encoded.
    static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
}
