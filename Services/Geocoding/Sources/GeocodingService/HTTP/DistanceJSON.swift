internal import Shared

/// The bodies of `GET /api/calculate-distance`, always with HTTP 200 (geocoding.md §1.3).
enum DistanceJSON {
    static func body(_ outcome: DistanceOutcome, mode: TravelMode) -> [UInt8] {
        var json = JSONBuilder()
        switch outcome {
        case .unresolved:
            json.member("distance_km", int: 0)
            json.member("status", string: "error")
            json.member("error", string: "Could not resolve coordinates")
            return json.finish()
        case .plzFallback(let km, let origin, let destination):
            json.member("distance_km", raw: String(km))
            json.member("status", string: "success")
            json.member("source", string: "plz_centroids")
            json.member("origin_centroid", rawBytes: point(origin))
            json.member("destination_centroid", rawBytes: point(destination))
            json.member("travel_mode", string: mode.rawValue)
            json.member("route_available", bool: false)
            json.member("note", string: "Approximate distance based on postal code areas")
            return json.finish()
        case .cached(let km, let routed):
            json.member("distance_km", raw: String(km))
            json.member("status", string: routed ? "success" : "partial")
            json.member("source", string: "cache")
        case .routed(let km):
            json.member("distance_km", raw: String(km))
            json.member("status", string: "success")
            json.member("source", string: "osrm")
        case .straightLine(let km):
            json.member("distance_km", raw: String(km))
            json.member("status", string: "partial")
            json.member("source", string: "haversine")
        }
        json.member("travel_mode", string: mode.rawValue)
        switch outcome {
        case .cached(_, let routed): json.member("route_available", bool: routed)
        case .routed: json.member("route_available", bool: true)
        default: json.member("route_available", bool: false)
        }
        return json.finish()
    }

    /// `{"latitude":…,"longitude":…}`, written as the PLZ distance writes it.
    static func point(_ point: Coordinates) -> [UInt8] {
        var bytes: [UInt8] = []
        PLZDistanceRoutes.append(point, to: &bytes)
        return bytes
    }
}
