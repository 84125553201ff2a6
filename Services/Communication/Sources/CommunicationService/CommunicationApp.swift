public import Shared

/// Composition root of the communication service: reads its settings, wires storage, SMTP, the
/// queue worker and the object-storage processor, and registers the routes of communication.md.
public struct CommunicationApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "communication", portKey: "COMMUNICATION_SERVICE_INTERNAL_PORT", defaultPort: 8004)
    public static let schema: String? = "communication_service"

    let settings: CommunicationConfig
    let phoneCallRoutes: PhoneCallRoutes
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        settings = CommunicationConfig(&config)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let patients = PatientClient(http: http, baseURL: settings.peers.url("patient"), logger: context.logger)
        phoneCallRoutes = PhoneCallRoutes(
            workflows: PhoneCallWorkflows(store: PostgresPhoneCallStore(db: context.database!), lastContact: patients),
            reads: PostgresPhoneCallReadModel(db: context.database!))
        components = [http]
    }

    public func register(on router: inout Router) {
        phoneCallRoutes.register(on: &router)
    }
}
