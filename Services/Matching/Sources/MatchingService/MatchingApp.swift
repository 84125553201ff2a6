public import Shared

/// Composition root of the matching service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct MatchingApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "matching", portKey: "MATCHING_SERVICE_INTERNAL_PORT", defaultPort: 8003)
    public static let schema: String? = "matching_service"

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
