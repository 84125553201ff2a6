import Shared

/// Composition root of the geocoding service.
public enum GeocodingApp {
    /// The service's short name.
    public static let name = "geocoding"
}
