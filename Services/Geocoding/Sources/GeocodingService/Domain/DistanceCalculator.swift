internal import Shared

/// One side of a distance request: an address text or a coordinate pair.
public enum DistanceEndpoint: Sendable, Equatable {
    case address(String)
    case point(Coordinates)
}

/// The outcome of `GET /api/calculate-distance` (geocoding.md §1.3, §2.3); always HTTP 200.
public enum DistanceOutcome: Sendable, Equatable {
    case unresolved
    case plzFallback(km: Double, origin: Coordinates, destination: Coordinates)
    /// A cache hit; `routed` false for a cached straight-line distance (reported as such: the
    /// original called every hit a route).
    case cached(km: Double, routed: Bool)
    case routed(km: Double)
    case straightLine(km: Double)
}

/// The distance procedure: resolve both sides (PLZ centroid first, then geocoding), the distance
/// cache (memory, then `distance_cache`), an OSRM route, else Haversine.
public struct DistanceCalculator: Sendable {
    let centroids: any CentroidDirectory
    let geocoder: Geocoder
    let upstream: any GeocodingUpstream
    let store: any GeocodingCacheStore
    let memory: MemoryCache<CachedDistance>
    let logger: Logger

    init(centroids: any CentroidDirectory, geocoder: Geocoder, upstream: any GeocodingUpstream,
         store: any GeocodingCacheStore, memory: MemoryCache<CachedDistance>, logger: Logger) {
        (self.centroids, self.geocoder, self.upstream, self.store, self.memory, self.logger) =
            (centroids, geocoder, upstream, store, memory, logger)
    }

    public func distance(from origin: DistanceEndpoint, to destination: DistanceEndpoint, mode: TravelMode,
                         useCache: Bool, usePLZFallback: Bool) async -> DistanceOutcome {
        async let resolvedOrigin = resolve(origin)
        async let resolvedDestination = resolve(destination)
        guard let from = await resolvedOrigin, let to = await resolvedDestination else {
            return plzFallback(origin, destination, enabled: usePLZFallback) ?? .unresolved
        }
        let key = DistanceKey(origin: from, destination: to, mode: mode)
        let memoryKey = "\(key.origin.latitude),\(key.origin.longitude);\(key.destination.latitude),\(key.destination.longitude);\(mode.rawValue)"
        if useCache, let hit = await cachedDistance(key, memoryKey: memoryKey) { return .cached(km: hit.km, routed: hit.routed) }
        if let km = await upstream.routeKm(from: from, to: to, mode: mode) {
            await remember(key, memoryKey: memoryKey, CachedDistance(km: km, routed: true))
            return .routed(km: km)
        }
        let km = Haversine.distanceKm(from, to)
        await remember(key, memoryKey: memoryKey, CachedDistance(km: km, routed: false))
        return .straightLine(km: km)
    }

    /// A coordinate pair as is; an address through its PLZ centroid, else geocoding.
    func resolve(_ endpoint: DistanceEndpoint) async -> Coordinates? {
        switch endpoint {
        case .point(let point): return point
        case .address(let text):
            if let plz = PLZExtraction.plz(in: text), let centroid = centroids.centroid(plz) { return centroid.coordinates }
            guard let result = await geocoder.geocode(text), let lat = result["latitude"]?.doubleValue,
                  let lon = result["longitude"]?.doubleValue else { return nil }
            return Coordinates(latitude: lat, longitude: lon)
        }
    }

    /// Both sides texts with known PLZ centroids: the approximate distance (§1.3 "PLZ fallback").
    func plzFallback(_ origin: DistanceEndpoint, _ destination: DistanceEndpoint, enabled: Bool) -> DistanceOutcome? {
        guard enabled, case .address(let a) = origin, case .address(let b) = destination,
              let plzA = PLZExtraction.plz(in: a), let plzB = PLZExtraction.plz(in: b),
              let from = centroids.centroid(plzA), let to = centroids.centroid(plzB) else { return nil }
        return .plzFallback(km: Haversine.distanceKm(from.coordinates, to.coordinates), origin: from.coordinates,
                            destination: to.coordinates)
    }

    private func cachedDistance(_ key: DistanceKey, memoryKey: String) async -> CachedDistance? {
        if let hit = memory.get(memoryKey) { return hit }
        do {
            guard let hit = try await store.cachedDistance(key) else { return nil }
            memory.set(memoryKey, hit)
            return hit
        } catch {
            logger.warning("distance cache read failed", ["error": String(describing: error)])
            return nil
        }
    }

    private func remember(_ key: DistanceKey, memoryKey: String, _ distance: CachedDistance) async {
        memory.set(memoryKey, distance)
        let route: JSONValue = ["distance_km": .number(String(distance.km)), "travel_mode": .string(key.mode.rawValue),
                                "original_source": distance.routed ? "osrm" : "haversine"]
        do { try await store.storeDistance(key, km: distance.km, routeData: route) } catch {
            logger.warning("distance cache write failed", ["error": String(describing: error)])
        }
    }
}
