import Shared
import TestSupport
@testable import GeocodingService

/// The committed fixture and the settings the geocoding app needs besides the database.
enum PLZFixture {
    static let path = Repository.path("data/plz-centroids.fixture.json")

    /// What the geocoding configuration requires besides the database; upstreams nobody answers.
    static let environment = ["OSM_API_URL": "http://127.0.0.1:1", "OSRM_API_URL": "http://127.0.0.1:1",
                              "OSM_USER_AGENT": "curavani-tests"]
}
