public import Shared

/// Composition root of the gateway service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct GatewayApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "gateway", portKey: "GATEWAY_INTERNAL_PORT", defaultPort: 8000)

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
