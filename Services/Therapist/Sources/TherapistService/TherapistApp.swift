public import Shared

/// Composition root of the therapist service: reads its settings, wires store, peers, the PDF
/// form folder and the folder importer, and registers the routes of therapist.md §2.
public struct TherapistApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "therapist", portKey: "THERAPIST_SERVICE_INTERNAL_PORT", defaultPort: 8002)
    public static let schema: String? = "therapist_service"

    let routes: TherapistRoutes
    let pdfRoutes: PDFRoutes
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = TherapistConfig(&config)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let store = PostgresTherapistStore(db: context.database!)
        let communication = CommunicationClient(http: http, baseURL: settings.peers.url("communication"))
        let workflows = TherapistWorkflows(store: store, inquiries: MatchingClient(http: http, baseURL: settings.peers.url("matching")),
                                           communication: communication)
        routes = TherapistRoutes(workflows: workflows, reads: PostgresTherapistReadModel(db: context.database!))
        pdfRoutes = PDFRoutes(store: store, storage: PDFStorage(base: settings.pdfStoragePath))
        components = [http]
    }

    public func register(on router: inout Router) {
        routes.register(on: &router)
        pdfRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }
}
