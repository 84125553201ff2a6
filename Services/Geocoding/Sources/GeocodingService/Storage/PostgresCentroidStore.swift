public import Shared

/// `CentroidStore` on PostgreSQL (`geocoding_service.plz_centroids`). The upsert sends the rows
/// as parallel arrays (`unnest`), `batchSize` rows per statement, so the full GeoNames file
/// (~17k rows, ~8k PLZs) takes a handful of round trips.
public struct PostgresCentroidStore: CentroidStore {
    let db: PostgresPool
    let batchSize: Int

    /// A store on `db`, upserting `batchSize` rows per statement.
    public init(db: PostgresPool, batchSize: Int = 2000) {
        self.db = db
        self.batchSize = max(1, batchSize)
    }

    public func all() async throws -> [Centroid] {
        try await db.query("""
            SELECT plz, ort, bundesland, bundesland_code, latitude, longitude FROM geocoding_service.plz_centroids
            """).map { row in
            Centroid(plz: try row.decode(at: 0), ort: try row.decode(at: 1), bundesland: try row.decode(at: 2, as: String?.self),
                     bundeslandCode: try row.decode(at: 3, as: String?.self),
                     coordinates: Coordinates(latitude: try row.decode(at: 4), longitude: try row.decode(at: 5)))
        }
    }

    public func count() async throws -> Int {
        try await db.query("SELECT count(*) FROM geocoding_service.plz_centroids")[0].decode(at: 0)
    }

    public func fingerprint() async throws -> String {
        let row = try await db.query("""
            SELECT count(*), max(coalesce(updated_at, created_at)) FROM geocoding_service.plz_centroids
            """)[0]
        return (row.text(at: 0) ?? "") + "/" + (row.text(at: 1) ?? "")
    }

    public func upsert(_ centroids: [Centroid]) async throws -> CentroidUpsertCounts {
        var seen: Set<String> = []
        let unique = centroids.filter { seen.insert($0.plz).inserted }   // one statement may not touch a row twice
        let batches = stride(from: 0, to: unique.count, by: batchSize).map { unique[$0..<min($0 + batchSize, unique.count)] }
        return try await db.transaction { tx in
            var total = CentroidUpsertCounts(inserted: 0, updated: 0)
            for batch in batches {
                let counts = try await tx.query(Self.upsertStatement(batch))[0]
                total.inserted += try counts.decode(at: 0)
                total.updated += try counts.decode(at: 1)
            }
            return total
        }
    }

    /// One batch: `xmax = 0` marks a row the statement inserted (an updated row carries the
    /// updating transaction's id). Empty optional texts travel as `''` and become NULL.
    static func upsertStatement(_ batch: ArraySlice<Centroid>) -> SQL {
        let plz = batch.map(\.plz), ort = batch.map(\.ort)
        let state = batch.map { $0.bundesland ?? "" }, code = batch.map { $0.bundeslandCode ?? "" }
        let latitude = batch.map { String($0.coordinates.latitude) }, longitude = batch.map { String($0.coordinates.longitude) }
        return """
            WITH input AS (
                SELECT * FROM unnest(\(plz)::text[], \(ort)::text[], \(state)::text[], \(code)::text[],
                                     \(latitude)::float8[], \(longitude)::float8[])
                    AS t(plz, ort, bundesland, bundesland_code, latitude, longitude)
            ), written AS (
                INSERT INTO geocoding_service.plz_centroids (plz, ort, bundesland, bundesland_code, latitude, longitude)
                SELECT plz, ort, NULLIF(bundesland, ''), NULLIF(bundesland_code, ''), latitude, longitude FROM input
                ON CONFLICT (plz) DO UPDATE SET ort = EXCLUDED.ort, bundesland = EXCLUDED.bundesland,
                    bundesland_code = EXCLUDED.bundesland_code, latitude = EXCLUDED.latitude,
                    longitude = EXCLUDED.longitude, updated_at = (now() AT TIME ZONE 'utc')
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """
    }
}
