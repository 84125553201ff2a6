public import Shared
internal import Synchronization

/// All PLZ centroids in memory: the `CentroidDirectory` of the service. A lookup is one
/// dictionary read under a lock (no database, no allocation), the hot path of
/// `calculate-plz-distance`.
///
/// As a component, `start()` loads the table; when it is empty and `startupFile` is set, the
/// file is imported first (geocoding.md §5.1, but with the upserting importer). Neither → a
/// warning, PLZ features answer "not found", the service still starts. Afterwards a background
/// task checks the table's fingerprint every `refreshInterval` and reloads when it changed
/// (an `import-plz` run by another process), or retries a load that failed.
public final class CentroidIndex: CentroidDirectory, Service {
    public let name = "plz-centroids"
    let store: any CentroidStore
    let startupFile: String?
    let logger: Logger
    let refreshInterval: Duration
    private let table = Mutex<[String: Centroid]>([:])
    /// The fingerprint of the loaded table (nil before the first successful load).
    private let loaded = Mutex<String?>(nil)
    private let refresher = Mutex<Task<Void, Never>?>(nil)

    /// An empty index over `store`; `startupFile` is `PLZ_CENTROIDS_FILE`.
    public init(store: any CentroidStore, startupFile: String?, logger: Logger, refreshInterval: Duration = .seconds(60)) {
        (self.store, self.startupFile, self.logger, self.refreshInterval) = (store, startupFile, logger, refreshInterval)
    }

    public func centroid(_ plz: String) -> Centroid? { table.withLock { $0[plz] } }

    /// The number of PLZs held.
    public var count: Int { table.withLock { $0.count } }

    public func start() async throws {
        await loadAtStart()
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: refreshInterval)
                if Task.isCancelled { return }
                if loaded.withLock({ $0 }) == nil { await loadAtStart() } else { await refreshIfChanged() }
            }
        }
        refresher.withLock { $0 = task }
    }

    public func shutdown(until deadline: ContinuousClock.Instant) async {
        refresher.withLock { task in task?.cancel(); task = nil }
    }

    /// Replaces the table with the store's content.
    public func reload() async throws {
        let fingerprint = try await store.fingerprint()
        let all = try await store.all()
        var fresh = [String: Centroid](minimumCapacity: all.count)
        for centroid in all { fresh[centroid.plz] = centroid }
        table.withLock { $0 = fresh }
        loaded.withLock { $0 = fingerprint }
    }

    /// Reads, filters and upserts a centroid file (one transaction), then reloads the table.
    public func importFile(_ path: String) async throws(CentroidImportError) -> CentroidImportSummary {
        let (format, rows) = try await CentroidFile.load(path)
        guard !rows.centroids.isEmpty else { throw .noCentroids }
        let counts: CentroidUpsertCounts
        do { counts = try await store.upsert(rows.centroids) } catch { throw .database(String(describing: error)) }
        do { try await reload() } catch { logger.warning("imported, but reloading failed (the refresher retries): \(error)") }
        return CentroidImportSummary(format: format, read: rows.read, imported: counts.inserted, updated: counts.updated,
                                     skipped: rows.skipped)
    }

    /// The start-up load; failures are logged (the refresher retries).
    func loadAtStart() async {
        do {
            if let file = startupFile, try await store.count() == 0 {
                do {
                    let summary = try await importFile(file)
                    logger.notice("imported PLZ centroids at start", ["file": file, "summary": summary.json])
                } catch CentroidImportError.database(let reason) {
                    throw CentroidImportError.database(reason)   // retried by the refresher
                } catch {
                    logger.warning("cannot import PLZ_CENTROIDS_FILE: \(error)", ["file": file])
                }
            }
            try await reload()
            if count == 0 { logger.warning("plz_centroids is empty: PLZ features are unavailable until `geocoding import-plz FILE`") }
        } catch {
            logger.error("cannot load PLZ centroids, retrying in \(refreshInterval): \(error)")
        }
    }

    func refreshIfChanged() async {
        do {
            if try await store.fingerprint() != loaded.withLock({ $0 }) { try await reload() }
        } catch {
            logger.warning("cannot check PLZ centroids for changes: \(error)")
        }
    }
}
