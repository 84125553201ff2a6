/// Who a service is: its short name, health name and listening port key with the dev default.
public struct ServiceDescriptor: Sendable {
    /// Short name, e.g. `patient`; used in logs and metrics.
    public let name: String
    /// The environment key of the listening port, e.g. `PATIENT_SERVICE_INTERNAL_PORT`.
    public let portKey: String
    /// The dev port (8001–8005, gateway 8000).
    public let defaultPort: Int

    /// Creates a descriptor.
    public init(name: String, portKey: String, defaultPort: Int) {
        self.name = name
        self.portKey = portKey
        self.defaultPort = defaultPort
    }

    /// The name in health bodies, e.g. `patient-service`.
    public var healthName: String { "\(name)-service" }
}

/// Build metadata reported in `/health` and `curavani_build_info`.
public enum BuildInfo {
    /// The platform version.
    public static let version = "0.1.0"
}
