internal import Shared

/// `GET /api/geocode`, `/api/reverse-geocode` and `/api/calculate-distance` (geocoding.md §1.1–§1.3).
struct GeocodingRoutes: Sendable {
    let geocoder: Geocoder
    let distances: DistanceCalculator

    func register(on router: inout Router) {
        router.get("/api/geocode", use: geocode)
        router.get("/api/reverse-geocode", use: reverse)
        router.get("/api/calculate-distance", use: distance)
    }

    @Sendable func geocode(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let address = request.query["address"], !address.isEmpty else { throw GeocodingAnswer.parameter("Address is required") }
        guard var result = await geocoder.geocode(address)?.objectValue else {
            return GeocodingAnswer.error("Geocoding failed", status: .badRequest)
        }
        result["status"] = "success"
        return .json(bytes: JSONWriter().bytes(.object(result)))
    }

    @Sendable func reverse(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let lat = DistanceQuery.number(request.query["lat"]) else { throw GeocodingAnswer.parameter("Latitude is required") }
        guard let lon = DistanceQuery.number(request.query["lon"]) else { throw GeocodingAnswer.parameter("Longitude is required") }
        // Points off the globe cannot be reverse-geocoded: answered without asking Nominatim.
        guard abs(lat) <= 90, abs(lon) <= 180, var result = await geocoder.reverse(Coordinates(latitude: lat, longitude: lon))?.objectValue else {
            return GeocodingAnswer.error("Reverse geocoding failed", status: .badRequest)
        }
        result["status"] = "success"
        return .json(bytes: JSONWriter().bytes(.object(result)))
    }

    @Sendable func distance(_ request: Request, _ context: RequestContext) async throws -> Response {
        let query = try DistanceQuery(request.query)
        guard let origin = query.origin else {
            return GeocodingAnswer.error("Origin is required (address or coordinates)", status: .badRequest)
        }
        guard let destination = query.destination else {
            return GeocodingAnswer.error("Destination is required (address or coordinates)", status: .badRequest)
        }
        let outcome = await distances.distance(from: origin, to: destination, mode: query.mode, useCache: !query.noCache,
                                               usePLZFallback: query.usePLZFallback)
        return .json(bytes: DistanceJSON.body(outcome, mode: query.mode))
    }
}
