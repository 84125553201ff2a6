public import Shared

/// Forward and reverse geocoding with the three cache levels of geocoding.md §2.1–§2.2:
/// memory → `geocache` → Nominatim. Cache failures are logged and never fail a request.
public struct Geocoder: Sendable {
    let upstream: any GeocodingUpstream
    let store: any GeocodingCacheStore
    let memory: MemoryCache<JSONValue>
    let logger: Logger
    /// Concurrent misses of one key share one lookup.
    let inFlight = SingleFlight<JSONValue?>()

    init(upstream: any GeocodingUpstream, store: any GeocodingCacheStore, memory: MemoryCache<JSONValue>, logger: Logger) {
        self.upstream = upstream
        self.store = store
        self.memory = memory
        self.logger = logger
    }

    /// The result object (`latitude`, `longitude`, `display_name`, `address_components`,
    /// `source`) for an address, or nil when nothing was found.
    public func geocode(_ address: String) async -> JSONValue? {
        let query = address.trimmingWhitespace().lowercased()
        return await cached(query: query, type: .address, memoryKey: "address:" + query) {
            await upstream.search(address)
        }
    }

    /// The result object (`display_name`, `address_components`, `latitude`, `longitude`,
    /// `source`) for a point (rounded to 6 decimals), or nil.
    public func reverse(_ point: Coordinates) async -> JSONValue? {
        let rounded = point.rounded
        let query = "\(rounded.latitude),\(rounded.longitude)"
        return await cached(query: query, type: .coordinates, memoryKey: "coordinates:" + query) {
            await upstream.reverse(rounded)
        }.map { Self.reverseOrder($0) }
    }

    private func cached(query: String, type: GeocodeQueryType, memoryKey: String,
                        lookup: @escaping @Sendable () async -> Place?) async -> JSONValue? {
        if let hit = memory.get(memoryKey) { return hit }
        return await inFlight.run(memoryKey) { [self] in await load(query: query, type: type, memoryKey: memoryKey, lookup: lookup) }
    }

    /// The database cache, then the upstream; results go into both caches.
    private func load(query: String, type: GeocodeQueryType, memoryKey: String,
                      lookup: @Sendable () async -> Place?) async -> JSONValue? {
        do {
            if let stored = try await store.cachedGeocode(query: query, type: type) {
                memory.set(memoryKey, stored)
                return stored
            }
        } catch {
            logger.warning("geocache read failed", ["error": String(describing: error)])
        }
        guard let place = await lookup() else { return nil }
        let result = Self.result(place)
        memory.set(memoryKey, result)
        do { try await store.storeGeocode(query: query, type: type, place: place, result: result) } catch {
            logger.warning("geocache write failed", ["error": String(describing: error)])
        }
        return result
    }

    /// The stored shape of a result (forward order; reverse reorders on the way out).
    static func result(_ place: Place) -> JSONValue {
        ["latitude": .number(String(place.coordinates.latitude)), "longitude": .number(String(place.coordinates.longitude)),
         "display_name": .string(place.displayName), "address_components": place.addressComponents, "source": "nominatim"]
    }

    /// Reverse answers list `display_name` and `address_components` first (geocoding.md §1.2).
    static func reverseOrder(_ result: JSONValue) -> JSONValue {
        ["display_name": result["display_name"] ?? .null, "address_components": result["address_components"] ?? .object(JSONObject()),
         "latitude": result["latitude"] ?? .null, "longitude": result["longitude"] ?? .null, "source": "nominatim"]
    }
}
