import Foundation
import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("GET /api/geocode and /api/reverse-geocode")
struct GeocodeHTTPTests {
    @Test("an address is geocoded once; repeats come from the caches (same body, no upstream call)")
    func geocode() async throws {
        try await GeocodingFixture.with { f in
            let marker = "Berlin, Germany"
            let first = try await f.api.call(.get, "/api/geocode?address=\(GeocodingFixture.encode(marker))")
            #expect(first.status == 200)
            #expect(first.json.objectValue?.keys == ["latitude", "longitude", "display_name", "address_components", "source", "status"])
            #expect(abs((first.json["latitude"]?.doubleValue ?? 0) - 52.52) < 0.05 && first.json["source"] == "nominatim")
            #expect(first.json["status"] == "success")
            let searches = f.osm.count(.search)
            let again = try await f.api.call(.get, "/api/geocode?address=\(GeocodingFixture.encode("  BERLIN, germany "))")
            #expect(again.json == first.json)
            #expect(f.osm.count(.search) == searches, "normalised key: served from the cache")
        }
    }

    @Test("missing address is 400 'Address is required'; unknown places are 400 'Geocoding failed'")
    func geocodeErrors() async throws {
        try await GeocodingFixture.with { f in
            let missing = try await f.api.call(.get, "/api/geocode")
            #expect(missing.status == 400 && missing.message == "Address is required")
            let unknown = try await f.api.call(.get, "/api/geocode?address=NonExistentCity12345XYZ")
            #expect(unknown.status == 400 && unknown.json == ["status": "error", "error": "Geocoding failed"])
        }
    }

    @Test("reverse: rounded inputs echoed, München found; errors and missing parameters")
    func reverse() async throws {
        try await GeocodingFixture.with { f in
            let munich = try await f.api.call(.get, "/api/reverse-geocode?lat=48.1351&lon=11.582")
            #expect(munich.status == 200 && munich.json["display_name"]?.stringValue?.contains("München") == true)
            #expect(munich.json.objectValue?.keys == ["display_name", "address_components", "latitude", "longitude", "source", "status"])
            let berlin = try await f.api.call(.get, "/api/reverse-geocode?lat=52.5200&lon=13.405")
            #expect(berlin.json["latitude"]?.doubleValue == 52.52 && berlin.json["longitude"]?.doubleValue == 13.405)
            let ocean = try await f.api.call(.get, "/api/reverse-geocode?lat=0&lon=0")
            #expect(ocean.status == 400 && ocean.json == ["status": "error", "error": "Reverse geocoding failed"])
            let reverses = f.osm.count(.reverse)
            let offGlobe = try await f.api.call(.get, "/api/reverse-geocode?lat=200&lon=13.405")
            #expect(offGlobe.status == 400 && offGlobe.json["error"] == "Reverse geocoding failed")
            #expect(f.osm.count(.reverse) == reverses, "off-globe points are not sent upstream")
            #expect(try await f.api.call(.get, "/api/reverse-geocode?lon=13").message == "Latitude is required")
            #expect(try await f.api.call(.get, "/api/reverse-geocode?lat=abc&lon=13").message == "Latitude is required")
            #expect(try await f.api.call(.get, "/api/reverse-geocode?lat=52").message == "Longitude is required")
        }
    }
}
