import Shared

/// Composition root of the gateway service.
public enum GatewayApp {
    /// The service's short name.
    public static let name = "gateway"
}
