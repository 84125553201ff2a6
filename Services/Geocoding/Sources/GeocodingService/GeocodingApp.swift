public import Shared

/// Composition root of the geocoding service: the PLZ centroids in memory, Nominatim and OSRM
/// behind one rate limit, the memory caches in front of `geocache`/`distance_cache`, and the
/// routes of geocoding.md §1. `geocoding import-plz FILE` loads centroids without the server.
public struct GeocodingApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "geocoding", portKey: "GEOCODING_SERVICE_INTERNAL_PORT", defaultPort: 8005)
    public static let schema: String? = "geocoding_service"
    /// `geocoding import-plz FILE`.
    public static let commands = [CentroidIndex.importPLZCommand { (app: GeocodingApp) in app.centroids }]

    /// The PLZ centroids in memory (the PLZ distance and the distance endpoint's PLZ shortcut).
    public let centroids: CentroidIndex
    let routes: GeocodingRoutes
    let plzRoutes: PLZDistanceRoutes
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = GeocodingConfig(&config)
        let logger = context.logger
        let http = HTTPClient(configuration: .init(requestTimeout: settings.timeout))
        let upstream = OSMUpstream(settings, httpClient: http, logger: logger)
        let store = PostgresGeocodingCacheStore(db: context.database!)
        centroids = CentroidIndex(store: PostgresCentroidStore(db: context.database!), startupFile: settings.centroidsFile,
                                  logger: logger)
        let geocoder = Geocoder(upstream: upstream, store: store,
                                memory: MemoryCache(capacity: settings.cacheMaxSize, ttl: settings.cacheTTL), logger: logger)
        let distances = DistanceCalculator(centroids: centroids, geocoder: geocoder, upstream: upstream, store: store,
                                           memory: MemoryCache(capacity: settings.cacheMaxSize, ttl: settings.cacheTTL),
                                           logger: logger)
        routes = GeocodingRoutes(geocoder: geocoder, distances: distances)
        plzRoutes = PLZDistanceRoutes(centroids: centroids)
        components = [http, centroids]
    }

    public func register(on router: inout Router) {
        routes.register(on: &router)
        plzRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }
}
