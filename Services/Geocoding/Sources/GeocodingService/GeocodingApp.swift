public import Shared

/// Composition root of the geocoding service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct GeocodingApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "geocoding", portKey: "GEOCODING_SERVICE_INTERNAL_PORT", defaultPort: 8005)
    public static let schema: String? = "geocoding_service"

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
