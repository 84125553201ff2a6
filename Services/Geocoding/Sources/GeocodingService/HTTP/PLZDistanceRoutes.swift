public import Shared

/// `GET /api/calculate-plz-distance` (geocoding.md §1.4): the Haversine distance between two
/// PLZ centroids from memory. Missing parameters answer with the platform's problem shape;
/// format errors and unknown PLZs with the service's own `{"status":"error","error":…}`.
public struct PLZDistanceRoutes: Sendable {
    let centroids: any CentroidDirectory

    /// Routes answering from `centroids`.
    public init(centroids: any CentroidDirectory) { self.centroids = centroids }

    /// Registers the route.
    public func register(on router: inout Router) {
        router.get("/api/calculate-plz-distance", use: distance)
    }

    @Sendable func distance(_ request: Request, _ context: RequestContext) async throws -> Response {
        guard let rawOrigin = request.query["origin_plz"], !rawOrigin.isEmpty else {
            throw GeocodingAnswer.parameter("Origin PLZ is required")
        }
        guard let rawDestination = request.query["destination_plz"], !rawDestination.isEmpty else {
            throw GeocodingAnswer.parameter("Destination PLZ is required")
        }
        let originPLZ = PLZ.trimmed(rawOrigin), destinationPLZ = PLZ.trimmed(rawDestination)
        guard PLZ.isValid(originPLZ) else { return GeocodingAnswer.error("Invalid origin PLZ format: " + originPLZ, status: .badRequest) }
        guard PLZ.isValid(destinationPLZ) else { return GeocodingAnswer.error("Invalid destination PLZ format: " + destinationPLZ, status: .badRequest) }
        guard let origin = centroids.centroid(originPLZ), let destination = centroids.centroid(destinationPLZ) else {
            return GeocodingAnswer.error("One or both PLZ codes not found", status: .notFound)
        }
        let km = originPLZ == destinationPLZ ? 0 : Haversine.distanceKm(origin.coordinates, destination.coordinates)
        return .json(bytes: Self.body(km: km, origin: origin.coordinates, destination: destination.coordinates))
    }

    /// `{"distance_km":…,"status":"success","source":"plz_centroids","origin_centroid":{…},"destination_centroid":{…}}`;
    /// numbers in Python's `repr` spelling (`0.0`, `475.12`).
    static func body(km: Double, origin: Coordinates, destination: Coordinates) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(192)
        bytes += #"{"distance_km":"#.utf8
        bytes += km.description.utf8
        bytes += #","status":"success","source":"plz_centroids","origin_centroid":"#.utf8
        append(origin, to: &bytes)
        bytes += #","destination_centroid":"#.utf8
        append(destination, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// `{"latitude":…,"longitude":…}` (also the centroids of the distance endpoint's PLZ fallback).
    static func append(_ point: Coordinates, to bytes: inout [UInt8]) {
        bytes += #"{"latitude":"#.utf8
        bytes += point.latitude.description.utf8
        bytes += #","longitude":"#.utf8
        bytes += point.longitude.description.utf8
        bytes.append(UInt8(ascii: "}"))
    }
}
