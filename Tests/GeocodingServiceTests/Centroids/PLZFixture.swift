import Shared
import TestSupport
@testable import GeocodingService

/// The committed fixture and a minimal app that wires the PLZ feature the way `GeocodingApp`
/// does (until the app itself carries it): the index as a component, the route, the command.
enum PLZFixture {
    static let path = Repository.path("data/plz-centroids.fixture.json")

    /// What the geocoding configuration requires besides the database; upstreams nobody answers.
    static let environment = ["OSM_API_URL": "http://127.0.0.1:1", "OSRM_API_URL": "http://127.0.0.1:1",
                              "OSM_USER_AGENT": "curavani-tests"]
}

struct PLZTestApp: ServiceApplication {
    static let descriptor = GeocodingApp.descriptor
    static let schema: String? = GeocodingApp.schema
    static let commands = [CentroidIndex.importPLZCommand { (app: PLZTestApp) in app.centroids }]

    let store: PostgresCentroidStore
    let centroids: CentroidIndex
    let plzRoutes: PLZDistanceRoutes
    let components: [any Service]

    init(config: inout ConfigReader, context: AppContext) {
        let settings = GeocodingConfig(&config)
        store = PostgresCentroidStore(db: context.database!)
        centroids = CentroidIndex(store: store, startupFile: settings.centroidsFile,
                                  logger: context.logger)
        plzRoutes = PLZDistanceRoutes(centroids: centroids)
        components = [centroids]
    }

    func register(on router: inout Router) { plzRoutes.register(on: &router) }
}
