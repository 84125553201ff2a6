public import Shared

/// Composition root of the patient service. Business routes arrive with the service's own issue;
/// for now it serves `/health`, `/health/live`, `/health/ready` and `/metrics`.
public struct PatientApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "patient", portKey: "PATIENT_SERVICE_INTERNAL_PORT", defaultPort: 8001)
    public static let schema: String? = "patient_service"

    public init(config: inout ConfigReader, context: AppContext) {}

    public func register(on router: inout Router) {}
}
