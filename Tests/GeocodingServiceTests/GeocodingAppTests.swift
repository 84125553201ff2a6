import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Test("geocoding service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(GeocodingApp.descriptor.name == "geocoding")
    #expect(try await expectServesPlatformEndpoints(GeocodingApp.self, environment: PLZFixture.environment) == [])
}
