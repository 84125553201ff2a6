internal import Shared

/// The parameters of `GET /api/calculate-distance` (geocoding.md §1.3), checked in the
/// original's order: the four coordinates' types, then the mode.
struct DistanceQuery {
    var origin: DistanceEndpoint?
    var destination: DistanceEndpoint?
    var mode: TravelMode
    /// ⚠ kept: any non-empty `no_cache` (even `false`) skips the cache lookup.
    var noCache: Bool
    /// ⚠ kept: default true; only an empty value disables it.
    var usePLZFallback: Bool

    init(_ query: QueryParameters) throws(Problem) {
        let originLat = try Self.coordinate(query["origin_lat"], "Origin latitude", limit: 90)
        let originLon = try Self.coordinate(query["origin_lon"], "Origin longitude", limit: 180)
        let destinationLat = try Self.coordinate(query["destination_lat"], "Destination latitude", limit: 90)
        let destinationLon = try Self.coordinate(query["destination_lon"], "Destination longitude", limit: 180)
        let modeText = query["travel_mode"] ?? "car"
        guard let mode = TravelMode(rawValue: modeText) else { throw GeocodingAnswer.parameter("Mode of transport (car or transit)") }
        self.mode = mode
        origin = Self.endpoint(query["origin"], originLat, originLon)
        destination = Self.endpoint(query["destination"], destinationLat, destinationLon)
        noCache = !(query["no_cache"] ?? "").isEmpty
        usePLZFallback = query["use_plz_fallback"].map { !$0.isEmpty } ?? true
    }

    /// A non-empty address wins; else both coordinates; else none.
    static func endpoint(_ address: String?, _ lat: Double?, _ lon: Double?) -> DistanceEndpoint? {
        if let address, !address.isEmpty { return .address(address) }
        guard let lat, let lon else { return nil }
        return .point(Coordinates(latitude: lat, longitude: lon))
    }

    /// Absent → nil; not a finite number → 400 with the help text; beyond ±`limit` → 400 saying so.
    static func coordinate(_ text: String?, _ help: String, limit: Double) throws(Problem) -> Double? {
        guard let text else { return nil }
        guard let value = number(text) else { throw GeocodingAnswer.parameter(help) }
        guard abs(value) <= limit else { throw GeocodingAnswer.parameter("\(help) must be between -\(Int(limit)) and \(Int(limit))") }
        return value
    }

    /// A finite decimal number (Python's `float()`, surrounding spaces allowed; no `nan`/`inf`,
    /// no hexadecimal form, which Swift's `Double(_:)` alone would accept).
    static func number(_ text: String?) -> Double? {
        guard let trimmed = text?.trimmingWhitespace(),
              trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}
