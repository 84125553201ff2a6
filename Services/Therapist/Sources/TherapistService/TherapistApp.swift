public import Shared

/// Composition root of the therapist service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct TherapistApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "therapist", portKey: "THERAPIST_SERVICE_INTERNAL_PORT", defaultPort: 8002)
    public static let schema: String? = "therapist_service"

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
