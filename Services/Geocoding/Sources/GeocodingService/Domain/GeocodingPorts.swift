public import Shared

/// The PLZ centroids, held in memory (8,000-odd rows): lookups never touch the database.
public protocol CentroidDirectory: Sendable {
    /// The centroid of a 5-digit PLZ, or nil.
    func centroid(_ plz: String) -> Centroid?
}

/// Nominatim and OSRM as the service sees them (geocoding.md §2.1, §2.2, §2.4, §2.5): every
/// call goes through the shared rate limit and the retries; failures are nil, never thrown.
public protocol GeocodingUpstream: Sendable {
    /// The first search hit for `address` (the text as the caller gave it), or nil.
    func search(_ address: String) async -> Place?
    /// The reverse lookup of rounded coordinates, or nil (also when Nominatim answers `error`).
    func reverse(_ point: Coordinates) async -> Place?
    /// The route distance in km (`routes[0].distance` / 1000) for `mode`, or nil.
    func routeKm(from: Coordinates, to: Coordinates, mode: TravelMode) async -> Double?
}

/// The database caches (`geocache`, `distance_cache`); nothing expires (geocoding.md §3, §4).
public protocol GeocodingCacheStore: Sendable {
    /// The stored result JSON for a normalised query, counting the hit; nil when absent.
    func cachedGeocode(query: String, type: GeocodeQueryType) async throws -> JSONValue?
    /// Stores a result (an existing row of the same query and type is left alone).
    func storeGeocode(query: String, type: GeocodeQueryType, place: Place, result: JSONValue) async throws
    /// The cached distance for rounded points and mode, counting the hit; nil when absent.
    func cachedDistance(_ key: DistanceKey) async throws -> CachedDistance?
    /// Upserts a distance (an existing row gets the new values and `hit_count + 1`).
    func storeDistance(_ key: DistanceKey, km: Double, routeData: JSONValue) async throws
}

/// `geocache.query_type`.
public enum GeocodeQueryType: String, Sendable {
    case address, coordinates
}

/// The key of `distance_cache`: both points rounded to 6 decimals, and the mode.
public struct DistanceKey: Sendable, Hashable {
    public var origin: Coordinates
    public var destination: Coordinates
    public var mode: TravelMode

    public init(origin: Coordinates, destination: Coordinates, mode: TravelMode) {
        (self.origin, self.destination, self.mode) = (origin.rounded, destination.rounded, mode)
    }
}

/// A stored distance and whether it came from a route (OSRM) or the straight line.
public struct CachedDistance: Sendable, Equatable {
    public var km: Double
    /// `original_source == "osrm"`.
    public var routed: Bool

    public init(km: Double, routed: Bool) { (self.km, self.routed) = (km, routed) }
}
