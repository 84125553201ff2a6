import Testing
@testable import GeocodingService

@Test func name() { #expect(GeocodingApp.name == "geocoding") }
