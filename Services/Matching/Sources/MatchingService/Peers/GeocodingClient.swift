internal import Shared

/// The geocoding service's `GET /api/calculate-distance` (matching.md §2, 10 s).
struct GeocodingClient: DistanceService {
    let peer: PeerClient

    init(http: HTTPClient, baseURL: String) {
        peer = PeerClient(name: "geocoding service", baseURL: baseURL, http: http)
    }

    func distanceKm(from origin: String, to destination: String, mode: String) async throws(PeerError) -> Double? {
        let path = "/api/calculate-distance?origin=\(PercentEncoding.encode(origin))"
            + "&destination=\(PercentEncoding.encode(destination))&travel_mode=\(PercentEncoding.encode(mode))"
        let answer = try await peer.get(path, timeout: .seconds(10))
        guard answer.status == .ok else { return nil }
        return answer.json?["distance_km"]?.doubleValue
    }
}
