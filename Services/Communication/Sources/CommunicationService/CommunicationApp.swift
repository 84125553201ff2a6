public import Shared

/// Composition root of the communication service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct CommunicationApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "communication", portKey: "COMMUNICATION_SERVICE_INTERNAL_PORT", defaultPort: 8004)
    public static let schema: String? = "communication_service"

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
