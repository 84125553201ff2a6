/// Where the centroids live (`plz_centroids`). `CentroidIndex` loads them from here at start
/// and after an import; requests never reach the store.
public protocol CentroidStore: Sendable {
    /// Every stored centroid.
    func all() async throws -> [Centroid]
    /// The number of stored centroids.
    func count() async throws -> Int
    /// Changes whenever rows are inserted or updated (count and latest change time): the index
    /// polls it to pick up imports made by another process.
    func fingerprint() async throws -> String
    /// Inserts new PLZs and updates existing ones (`ort`, `bundesland`, `bundesland_code`,
    /// coordinates, `updated_at`) in one transaction: all or nothing. When a PLZ occurs twice
    /// the first wins.
    func upsert(_ centroids: [Centroid]) async throws -> CentroidUpsertCounts
}

/// What an upsert changed.
public struct CentroidUpsertCounts: Sendable, Equatable {
    /// PLZs that were new.
    public var inserted: Int
    /// PLZs that existed and were overwritten.
    public var updated: Int

    public init(inserted: Int, updated: Int) { (self.inserted, self.updated) = (inserted, updated) }
}
