public import Shared
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The deterministic answers of `FakeOSM` (external.md §4.1–4.2).
public enum FakeOSMAnswers {
    /// A place the fake knows.
    public struct Place: Sendable {
        /// Lower-cased, trimmed search texts that find it.
        public let queries: [String]
        /// The hit's coordinates (sent as the strings `lat`/`lon`).
        public let latitude: Double
        public let longitude: Double
        /// `display_name`.
        public let displayName: String
        /// The members of `address`, in order.
        public let address: [(String, String)]
    }

    /// Berlin, München, Hamburg, Dresden and Aachen 52062.
    public static let places: [Place] = [
        Place(queries: ["berlin, germany", "berlin", "berlin, deutschland"], latitude: 52.5200066, longitude: 13.404954,
              displayName: "Berlin, Deutschland",
              address: [("city", "Berlin"), ("state", "Berlin"), ("country", "Deutschland"), ("country_code", "de")]),
        Place(queries: ["münchen, deutschland", "munich", "münchen", "munich, germany"], latitude: 48.1371079, longitude: 11.5753822,
              displayName: "München, Bayern, Deutschland",
              address: [("city", "München"), ("state", "Bayern"), ("country", "Deutschland"), ("country_code", "de")]),
        Place(queries: ["hamburg", "hamburg, deutschland"], latitude: 53.550341, longitude: 10.000654,
              displayName: "Hamburg, Deutschland",
              address: [("city", "Hamburg"), ("state", "Hamburg"), ("country", "Deutschland"), ("country_code", "de")]),
        Place(queries: ["dresden", "dresden, deutschland"], latitude: 51.0493286, longitude: 13.7381437,
              displayName: "Dresden, Sachsen, Deutschland",
              address: [("city", "Dresden"), ("state", "Sachsen"), ("country", "Deutschland"), ("country_code", "de")]),
        Place(queries: ["52062 aachen", "aachen"], latitude: 50.776351, longitude: 6.083887,
              displayName: "Aachen, Nordrhein-Westfalen, 52062, Deutschland",
              address: [("city", "Aachen"), ("postcode", "52062"), ("state", "Nordrhein-Westfalen"),
                        ("country", "Deutschland"), ("country_code", "de")]),
    ]

    /// `/search`: `[hit]` for a known text (case and surrounding spaces ignored), `[]` otherwise.
    /// `lat`/`lon` are strings, as Nominatim writes them.
    public static func search(_ query: String) -> JSONValue {
        let key = query.lowercased().trimmingSpaces
        guard let place = places.first(where: { $0.queries.contains(key) }) else { return .array([]) }
        return .array([.object([
            "place_id": .number("1"), "lat": .string(place.latitude.description), "lon": .string(place.longitude.description),
            "display_name": .string(place.displayName), "address": address(place),
        ])])
    }

    /// `/reverse`: the known place within 25 km of the point; `{"error": "Unable to geocode"}`
    /// for 0/0, out-of-range or unparsable coordinates and anywhere else.
    public static func reverse(lat: String?, lon: String?) -> JSONValue {
        let unable: JSONValue = .object(["error": .string("Unable to geocode")])
        guard let lat = lat.flatMap(Double.init), let lon = lon.flatMap(Double.init), abs(lat) <= 90, abs(lon) <= 180,
              let place = places.first(where: { haversineKm(lat, lon, $0.latitude, $0.longitude) <= 25 }) else { return unable }
        return .object([
            "place_id": .number("1"), "lat": .string(lat.description), "lon": .string(lon.description),
            "display_name": .string(place.displayName), "address": address(place),
        ])
    }

    /// `/route/v1/{profile}/{lon1},{lat1};{lon2},{lat2}`: `code: Ok` with `distance` (metres) =
    /// `haversineKm` (rounded to 2 decimals, like the service's) × 1.3 × 1000; 400 `InvalidQuery`
    /// for unparsable coordinates.
    public static func route(_ coordinates: String) -> (status: HTTPStatus, body: JSONValue) {
        let numbers = coordinates.split(separator: ";").flatMap { $0.split(separator: ",") }.compactMap { Double($0) }
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
            return (.badRequest, .object(["code": .string("InvalidQuery"), "message": .string("Query string malformed")]))
        }
        let km = (haversineKm(numbers[1], numbers[0], numbers[3], numbers[2]) * 100).rounded(.toNearestOrEven) / 100
        let metres = km * 1.3 * 1000
        let geometry: JSONValue = .object(["type": .string("LineString"), "coordinates": .array([
            .array([.number(numbers[0].description), .number(numbers[1].description)]),
            .array([.number(numbers[2].description), .number(numbers[3].description)]),
        ])])
        return (.ok, .object([
            "code": .string("Ok"),
            "routes": .array([.object(["distance": .number(metres.description), "duration": .number((metres / 13.9).description),
                                       "geometry": geometry])]),
            "waypoints": .array([]),
        ]))
    }

    /// Great-circle distance in km (mean radius 6371.0088 km), unrounded.
    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let h = pow(sin(dLat / 2), 2) + cos(lat1 * rad) * cos(lat2 * rad) * pow(sin(dLon / 2), 2)
        return 2 * 6371.0088 * asin(min(1, sqrt(h)))
    }

    private static func address(_ place: Place) -> JSONValue {
        .object(JSONObject(place.address.map { (key: $0.0, value: JSONValue.string($0.1)) }))
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
