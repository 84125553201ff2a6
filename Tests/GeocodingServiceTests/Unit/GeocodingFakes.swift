import Synchronization
import Shared
@testable import GeocodingService

/// Upstream answers from tables, counting calls.
final class FakeUpstream: GeocodingUpstream {
    let places: [String: Place]
    let routes: Bool
    let calls = Mutex((search: 0, reverse: 0, route: 0))

    init(places: [String: Place] = [:], routes: Bool = true) {
        self.places = places
        self.routes = routes
    }

    func search(_ address: String) async -> Place? {
        calls.withLock { $0.search += 1 }
        return places[address]
    }

    func reverse(_ point: Coordinates) async -> Place? {
        calls.withLock { $0.reverse += 1 }
        return point.latitude == 52.52 ? Place(coordinates: point, displayName: "Berlin", addressComponents: ["city": "Berlin"]) : nil
    }

    func routeKm(from: Coordinates, to: Coordinates, mode: TravelMode) async -> Double? {
        calls.withLock { $0.route += 1 }
        return routes ? Haversine.distanceKm(from, to) * 1.3 : nil
    }
}

/// The database caches in memory.
final class FakeCacheStore: GeocodingCacheStore {
    let geocodes = Mutex<[String: JSONValue]>([:])
    let distances = Mutex<[DistanceKey: CachedDistance]>([:])

    func cachedGeocode(query: String, type: GeocodeQueryType) async throws -> JSONValue? {
        geocodes.withLock { $0["\(type.rawValue):\(query)"] }
    }

    func storeGeocode(query: String, type: GeocodeQueryType, place: Place, result: JSONValue) async throws {
        geocodes.withLock { $0["\(type.rawValue):\(query)"] = result }
    }

    func cachedDistance(_ key: DistanceKey) async throws -> CachedDistance? { distances.withLock { $0[key] } }

    func storeDistance(_ key: DistanceKey, km: Double, routeData: JSONValue) async throws {
        distances.withLock { $0[key] = CachedDistance(km: km, routed: routeData["original_source"] == "osrm") }
    }
}

struct FakeCentroids: CentroidDirectory {
    static let aachen = Coordinates(latitude: 50.776, longitude: 6.084)
    static let berlin = Coordinates(latitude: 52.532, longitude: 13.385)
    func centroid(_ plz: String) -> Centroid? {
        switch plz {
        case "52062": Centroid(plz: plz, ort: "Aachen", bundesland: nil, bundeslandCode: nil, coordinates: Self.aachen)
        case "10115": Centroid(plz: plz, ort: "Berlin", bundesland: nil, bundeslandCode: nil, coordinates: Self.berlin)
        default: nil
        }
    }
}

extension DistanceCalculator {
    static func make(_ upstream: FakeUpstream, _ store: FakeCacheStore = FakeCacheStore()) -> DistanceCalculator {
        let logger = Logger(service: "test", level: .critical)
        let geocoder = Geocoder(upstream: upstream, store: store, memory: MemoryCache(capacity: 100, ttl: .seconds(60)), logger: logger)
        return DistanceCalculator(centroids: FakeCentroids(), geocoder: geocoder, upstream: upstream, store: store,
                                  memory: MemoryCache(capacity: 100, ttl: .seconds(60)), logger: logger)
    }
}
