internal import Shared

/// OSRM's route service (geocoding.md §2.4; external.md §4.2).
struct OSRMClient: Sendable {
    let base: UpstreamBase
    let client: UpstreamClient
    /// `OSRM_PROFILE_CAR` (default `car`) and `OSRM_PROFILE_TRANSIT` (default `foot`).
    let carProfile: String
    let transitProfile: String

    /// The profile path segment for `mode`.
    func profile(for mode: TravelMode) -> String {
        switch mode {
        case .car: carProfile
        case .transit: transitProfile
        }
    }

    /// `GET /route/v1/<profile>/<lon1>,<lat1>;<lon2>,<lat2>?overview=simplified&geometries=geojson&steps=true&annotations=distance,duration`
    /// → `routes[0].distance / 1000` (unrounded) when `code` is `Ok`; nil otherwise, and for
    /// non-finite input or a negative or non-numeric distance.
    func routeKm(from origin: Coordinates, to destination: Coordinates, mode: TravelMode) async -> Double? {
        guard let lon1 = UpstreamEncoding.number(origin.longitude), let lat1 = UpstreamEncoding.number(origin.latitude),
              let lon2 = UpstreamEncoding.number(destination.longitude),
              let lat2 = UpstreamEncoding.number(destination.latitude) else { return nil }
        // The numbers are our own formatting (digits, `.`, `-`, `e`, `+`); the profile comes from
        // configuration but is encoded all the same, so it stays one path segment.
        let path = "/route/v1/\(UpstreamEncoding.component(profile(for: mode)))/\(lon1),\(lat1);\(lon2),\(lat2)"
        let url = base.url(path: path, route: "/route/v1/{profile}/{coordinates}", query: [
            "overview": "simplified", "geometries": "geojson", "steps": "true", "annotations": "distance,duration",
        ])
        guard let answer = await client.getJSON(url), answer["code"]?.stringValue == "Ok",
              let metres = answer["routes"]?.arrayValue?.first?["distance"]?.doubleValue,
              metres.isFinite, metres >= 0 else {
            return nil
        }
        return metres / 1000
    }
}
