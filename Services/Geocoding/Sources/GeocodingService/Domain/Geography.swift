public import Shared
internal import Glibc

/// A point on the earth in degrees (WGS 84).
public struct Coordinates: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Both values rounded to 6 decimals: the key of every cache (geocoding.md §2.2, §2.3).
    public var rounded: Coordinates {
        Coordinates(latitude: Self.round6(latitude), longitude: Self.round6(longitude))
    }

    /// Python's `round(x, 6)` for the values that occur here.
    public static func round6(_ value: Double) -> Double { (value * 1_000_000).rounded(.toNearestOrEven) / 1_000_000 }
}

/// Great-circle distance (geocoding.md §2.6).
public enum Haversine {
    /// Mean earth radius in km.
    public static let earthRadiusKm = 6371.0088

    /// The distance in km, rounded to 2 decimals.
    public static func distanceKm(_ a: Coordinates, _ b: Coordinates) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
        let h = pow(sin(dLat / 2), 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * pow(sin(dLon / 2), 2)
        let km = 2 * earthRadiusKm * asin(min(1, sqrt(h)))
        return (km * 100).rounded(.toNearestOrEven) / 100
    }
}

/// `travel_mode` of the distance endpoint.
public enum TravelMode: String, Sendable, CaseIterable {
    case car, transit
}

/// A German postal code centroid (`plz_centroids`).
public struct Centroid: Sendable, Equatable {
    public var plz: String
    public var ort: String
    public var bundesland: String?
    public var bundeslandCode: String?
    public var coordinates: Coordinates

    public init(plz: String, ort: String, bundesland: String?, bundeslandCode: String?, coordinates: Coordinates) {
        (self.plz, self.ort, self.bundesland, self.bundeslandCode, self.coordinates) = (plz, ort, bundesland, bundeslandCode, coordinates)
    }
}

/// A geocoding answer of Nominatim (forward or reverse), as the API returns it.
public struct Place: Sendable, Equatable {
    public var coordinates: Coordinates
    public var displayName: String
    /// Nominatim's `address` object (`{}` when absent).
    public var addressComponents: JSONValue

    public init(coordinates: Coordinates, displayName: String, addressComponents: JSONValue) {
        (self.coordinates, self.displayName, self.addressComponents) = (coordinates, displayName, addressComponents)
    }
}
