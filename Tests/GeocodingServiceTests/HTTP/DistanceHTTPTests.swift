import Foundation
import Testing
import Shared
import TestSupport
@testable import GeocodingService

@Suite("GET /api/calculate-distance")
struct DistanceHTTPTests {
    /// Unique coordinates per test run, so the shared distance cache never answers first.
    static func freshPoint() -> (Double, Double) {
        (47 + Double.random(in: 0..<7), 6 + Double.random(in: 0..<8))
    }

    @Test("coordinates: OSRM route first, then the cache; no_cache asks OSRM again")
    func routedAndCached() async throws {
        try await GeocodingFixture.with { f in
            let (lat, lon) = Self.freshPoint()
            let path = "/api/calculate-distance?origin_lat=\(lat)&origin_lon=\(lon)&destination_lat=52.532&destination_lon=13.385"
            let routed = try await f.api.call(.get, path)
            #expect(routed.status == 200)
            #expect(routed.json.objectValue?.keys == ["distance_km", "status", "source", "travel_mode", "route_available"])
            #expect(routed.json["source"] == "osrm" && routed.json["status"] == "success" && routed.json["route_available"] == true)
            let km = try #require(routed.json["distance_km"]?.doubleValue)
            let straight = Haversine.distanceKm(Coordinates(latitude: lat, longitude: lon).rounded, Coordinates(latitude: 52.532, longitude: 13.385))
            #expect(abs(km - straight * 1.3) < 1e-6)
            let cached = try await f.api.call(.get, path)
            #expect(cached.json == ["distance_km": .number(String(km)), "status": "success", "source": "cache", "travel_mode": "car",
                                    "route_available": true])
            #expect(f.osm.count(.route) == 1)
            let fresh = try await f.api.call(.get, path + "&no_cache=false")
            #expect(fresh.json["source"] == "osrm" && f.osm.count(.route) == 2, "⚠ kept: any non-empty no_cache skips the cache")
        }
    }

    @Test("without a route: Haversine (partial); the cached straight line stays partial without a route")
    func straightLine() async throws {
        try await GeocodingFixture.with { f in
            f.osm.answerRoutes(code: "NoRoute")
            let (lat, lon) = Self.freshPoint()
            let path = "/api/calculate-distance?origin_lat=\(lat)&origin_lon=\(lon)&destination_lat=90&destination_lon=0&travel_mode=transit"
            let first = try await f.api.call(.get, path)
            #expect(first.json["source"] == "haversine" && first.json["status"] == "partial" && first.json["route_available"] == false)
            #expect(first.json["travel_mode"] == "transit")
            #expect(f.osm.received.last?.path.hasPrefix("/route/v1/foot/") == true, "transit uses OSRM_PROFILE_TRANSIT")
            let second = try await f.api.call(.get, path)
            #expect(second.json["source"] == "cache" && second.json["status"] == "partial" && second.json["route_available"] == false)
            #expect(second.json["distance_km"] == first.json["distance_km"])
        }
    }

    @Test("addresses with known PLZs use centroids without Nominatim; Berlin → Munich by name is 400–700 km")
    func addresses() async throws {
        try await GeocodingFixture.with { f in
            let plz = try await f.api.call(.get, "/api/calculate-distance?origin=\(GeocodingFixture.encode("Markt 1, 52062, Aachen"))&destination=\(GeocodingFixture.encode("10115 Berlin"))")
            #expect(plz.status == 200 && plz.json["status"] == "success")
            #expect(f.osm.count(.search) == 0)
            let named = try await f.api.call(.get, "/api/calculate-distance?origin=Berlin&destination=Munich")
            let km = named.json["distance_km"]?.doubleValue ?? 0
            #expect(km > 400 && km < 700, "\(named.text)")
            #expect(f.osm.count(.search) <= 2, "at most once per name (the shared database cache may know them)")
        }
    }

    @Test("unresolvable places are 200 with status error and distance 0; pole to pole is over 10,000 km")
    func edges() async throws {
        try await GeocodingFixture.with { f in
            let unknown = try await f.api.call(.get, "/api/calculate-distance?origin=NonExistentPlace12345&destination=AnotherFakePlace98765")
            #expect(unknown.status == 200)
            #expect(unknown.json == ["distance_km": 0, "status": "error", "error": "Could not resolve coordinates"])
            f.osm.answerRoutes(code: "NoRoute")
            let poles = try await f.api.call(.get, "/api/calculate-distance?origin_lat=90&origin_lon=0&destination_lat=-90&destination_lon=0&no_cache=1")
            #expect((poles.json["distance_km"]?.doubleValue ?? 0) > 10_000)
        }
    }

    @Test("parameter errors", arguments: [
        ("origin_lat=abc&origin_lon=1&destination=Berlin", 400, #"{"message":"Origin latitude"}"#),
        ("origin_lat=1&origin_lon=x&destination=Berlin", 400, #"{"message":"Origin longitude"}"#),
        ("origin=Berlin&destination_lat=nan&destination_lon=1", 400, #"{"message":"Destination latitude"}"#),
        ("origin=Berlin&destination_lat=1&destination_lon=0x10", 400, #"{"message":"Destination longitude"}"#),
        ("origin_lat=91&origin_lon=1&destination=Berlin", 400, #"{"message":"Origin latitude must be between -90 and 90"}"#),
        ("origin=Berlin&destination=Hamburg&travel_mode=bike", 400, #"{"message":"Mode of transport (car or transit)"}"#),
        ("destination=Berlin", 400, #"{"status":"error","error":"Origin is required (address or coordinates)"}"#),
        ("origin=Berlin&destination_lat=1", 400, #"{"status":"error","error":"Destination is required (address or coordinates)"}"#),
    ])
    func parameterErrors(query: String, status: Int, body: String) async throws {
        try await GeocodingFixture.with { f in
            let response = try await f.api.call(.get, "/api/calculate-distance?\(query)")
            #expect(response.status == status)
            let expected = try JSONParser.parse(body)
            if let message = expected["message"] { #expect(response.json["message"] == message) } else { #expect(response.json == expected) }
        }
    }
}
