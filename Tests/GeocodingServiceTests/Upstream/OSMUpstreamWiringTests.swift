import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("OSMUpstream wiring from GeocodingConfig")
struct OSMUpstreamWiringTests {
    @Test("settings → scheme transport, User-Agent, profiles; trailing slashes on the base URLs")
    func fromConfig() async throws {
        let fake = try await FakeOSM()
        var reader = ConfigReader(Environment([
            "OSM_API_URL": fake.url + "/", "OSRM_API_URL": fake.url + "//", "OSM_USER_AGENT": "Curavani-Wiring/1.0",
            "OSM_TIMEOUT": "5", "OSM_MAX_RETRIES": "1", "OSM_RATE_LIMIT": "10000", "OSRM_PROFILE_TRANSIT": "bike",
        ]))
        let config = GeocodingConfig(&reader)
        try reader.finish()
        let http = HTTPClient(configuration: .init(requestTimeout: config.timeout))
        let upstream = OSMUpstream(config, httpClient: http, logger: Logger(service: "t", level: .error, sink: .memory()))
        let berlin = Coordinates(latitude: 52.52, longitude: 13.405)
        #expect(await upstream.search("Dresden")?.displayName == "Dresden, Sachsen, Deutschland")
        #expect(await upstream.routeKm(from: berlin, to: berlin, mode: .transit) == 0)
        #expect(fake.received.map(\.path) == ["/search", "/route/v1/bike/13.405,52.52;13.405,52.52"])
        #expect(fake.received.allSatisfy { $0.userAgent == "Curavani-Wiring/1.0" })
        http.shutdown()
        await fake.stop()
    }
}
