public import Shared

/// Composition root of the patient service: reads its settings, wires store, peers, mailer
/// and the registration importer, and registers the routes of patient.md §2.
public struct PatientApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "patient", portKey: "PATIENT_SERVICE_INTERNAL_PORT", defaultPort: 8001)
    public static let schema: String? = "patient_service"

    let routes: PatientRoutes
    let importRoutes: ImportRoutes
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = PatientConfig(&config, environment: context.runtime.environment)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let store = PostgresPatientStore(db: context.database!)
        let communication = CommunicationClient(http: http, baseURL: settings.peers.url("communication"))
        let mailer = PaymentConfirmationMailer(communication: communication, render: { _ in nil }, logger: context.logger)
        let workflows = PatientWorkflows(store: store, searches: MatchingClient(http: http, baseURL: settings.peers.url("matching")),
                                         communication: communication, mailer: mailer)
        let statistics = ImportStatistics()
        routes = PatientRoutes(workflows: workflows)
        importRoutes = ImportRoutes(statistics: statistics, clock: { .now() })
        components = [http]
    }

    public func register(on router: inout Router) {
        routes.register(on: &router)
        importRoutes.register(on: &router)
        OpenAPIRoute.register(on: &router)
    }
}
