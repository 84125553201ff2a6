internal import Shared

/// The geocoding service's settings (geocoding.md §6).
struct GeocodingConfig: Sendable {
    /// `OSM_API_URL`: Nominatim base URL (http or https).
    let nominatimURL: String
    /// `OSRM_API_URL`: OSRM base URL.
    let osrmURL: String
    /// `OSM_USER_AGENT`: sent with every upstream request.
    let userAgent: String
    /// `OSM_TIMEOUT` (seconds, default 10).
    let timeout: Duration
    /// `OSM_MAX_RETRIES` (attempts, default 3).
    let maxAttempts: Int
    /// `OSM_RATE_LIMIT` (requests per second across both upstreams, default 1.0).
    let rateLimit: Double
    /// `CACHE_TTL_SECONDS` (default 30 days) and `CACHE_MAX_SIZE` (default 1000) of the memory cache.
    let cacheTTL: Duration
    let cacheMaxSize: Int
    /// `OSRM_PROFILE_CAR` (`car`) and `OSRM_PROFILE_TRANSIT` (`foot`).
    let carProfile: String
    let transitProfile: String
    /// `PLZ_CENTROIDS_FILE`: imported at start when `plz_centroids` is empty (optional).
    let centroidsFile: String?

    init(_ config: inout ConfigReader) {
        nominatimURL = config.string("OSM_API_URL")
        osrmURL = config.string("OSRM_API_URL")
        userAgent = config.string("OSM_USER_AGENT")
        timeout = .seconds(config.int("OSM_TIMEOUT", default: 10, range: 1...300))
        maxAttempts = config.int("OSM_MAX_RETRIES", default: 3, range: 1...10)
        rateLimit = config.double("OSM_RATE_LIMIT", default: 1.0, range: 0.001...10_000)
        cacheTTL = .seconds(config.int("CACHE_TTL_SECONDS", default: 2_592_000, range: 1...(10 * 365 * 86_400)))
        cacheMaxSize = config.int("CACHE_MAX_SIZE", default: 1000, range: 1...10_000_000)
        carProfile = config.string("OSRM_PROFILE_CAR", default: "car")
        transitProfile = config.string("OSRM_PROFILE_TRANSIT", default: "foot")
        let file = config.string("PLZ_CENTROIDS_FILE", default: "")
        centroidsFile = file.isEmpty ? nil : file
    }
}
