internal import Shared

/// `GeocodingCacheStore` on `geocache` and `distance_cache` (schema `geocoding_service`).
struct PostgresGeocodingCacheStore: GeocodingCacheStore {
    let db: PostgresPool

    func cachedGeocode(query: String, type: GeocodeQueryType) async throws -> JSONValue? {
        let rows = try await db.query("""
            UPDATE geocoding_service.geocache SET hit_count = hit_count + 1
             WHERE id = (SELECT id FROM geocoding_service.geocache
                          WHERE query = \(Self.column(query))::text AND query_type = \(type.rawValue)::text
                          ORDER BY id LIMIT 1)
            RETURNING result_data
            """)
        guard let text = try rows.first?.decode("result_data", as: String?.self) else { return nil }
        return try? JSONParser.parse(text)
    }

    func storeGeocode(query: String, type: GeocodeQueryType, place: Place, result: JSONValue) async throws {
        // varchar(255): an over-long query or name is stored cut (the original's write failed);
        // lookups cut the same way, so a long address still finds its row.
        try await db.execute("""
            INSERT INTO geocoding_service.geocache (query, query_type, latitude, longitude, display_name, result_data)
            SELECT \(Self.column(query))::text, \(type.rawValue)::text, \(place.coordinates.latitude)::float8,
                   \(place.coordinates.longitude)::float8, \(Self.column(place.displayName))::text,
                   \(JSONWriter().string(result))::text
             WHERE NOT EXISTS (SELECT 1 FROM geocoding_service.geocache
                                WHERE query = \(Self.column(query))::text AND query_type = \(type.rawValue)::text)
            """)
    }

    func cachedDistance(_ key: DistanceKey) async throws -> CachedDistance? {
        let rows = try await db.query("""
            UPDATE geocoding_service.distance_cache SET hit_count = hit_count + 1
             WHERE id = (SELECT id FROM geocoding_service.distance_cache WHERE \(Self.matches(key)) ORDER BY id LIMIT 1)
            RETURNING distance_km, route_data
            """)
        guard let row = rows.first else { return nil }
        let route = (try row.decode("route_data", as: String?.self)).flatMap { try? JSONParser.parse($0) }
        return CachedDistance(km: try row.decode("distance_km"), routed: route?["original_source"]?.stringValue == "osrm")
    }

    func storeDistance(_ key: DistanceKey, km: Double, routeData: JSONValue) async throws {
        let route = JSONWriter().string(routeData)
        try await db.transaction { tx in
            let updated = try await tx.execute("""
                UPDATE geocoding_service.distance_cache
                   SET distance_km = \(km)::float8, route_data = \(route)::text, hit_count = hit_count + 1,
                       updated_at = now() AT TIME ZONE 'utc'
                 WHERE \(Self.matches(key))
                """)
            guard updated == 0 else { return }
            try await tx.execute("""
                INSERT INTO geocoding_service.distance_cache (origin_latitude, origin_longitude, destination_latitude,
                       destination_longitude, travel_mode, distance_km, route_data)
                VALUES (\(key.origin.latitude)::float8, \(key.origin.longitude)::float8, \(key.destination.latitude)::float8,
                        \(key.destination.longitude)::float8, \(key.mode.rawValue)::text, \(km)::float8, \(route)::text)
                """)
        }
    }

    /// At most 255 code points, as `varchar(255)` counts them.
    static func column(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(255))
        return String(scalars)
    }

    /// Exact equality on the rounded values, as the original compared them.
    static func matches(_ key: DistanceKey) -> SQL {
        """
        origin_latitude = \(key.origin.latitude)::float8 AND origin_longitude = \(key.origin.longitude)::float8 \
        AND destination_latitude = \(key.destination.latitude)::float8 \
        AND destination_longitude = \(key.destination.longitude)::float8 AND travel_mode = \(key.mode.rawValue)::text
        """
    }
}
