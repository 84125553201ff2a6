public import Shared

/// Composition root of the therapist service: reads its settings, wires store, peers, the PDF
/// form folder and the folder importer, and registers the routes of therapist.md §2.
public struct TherapistApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "therapist", portKey: "THERAPIST_SERVICE_INTERNAL_PORT", defaultPort: 8002)
    public static let schema: String? = "therapist_service"
    /// `therapist import-now`: one import cycle without the HTTP server.
    public static let commands = [TherapistImporter.importNowCommand { (app: TherapistApp) in app.importer }]

    let routes: TherapistRoutes
    let pdfRoutes: PDFRoutes
    let importRoutes: ImportRoutes
    /// The folder importer (tests and `therapist import-now` run cycles on demand).
    public let importer: TherapistImporter
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = TherapistConfig(&config)
        let importSettings = ImportConfig(&config)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let store = PostgresTherapistStore(db: context.database!)
        let communication = CommunicationClient(http: http, baseURL: settings.peers.url("communication"))
        let workflows = TherapistWorkflows(store: store, inquiries: MatchingClient(http: http, baseURL: settings.peers.url("matching")),
                                           communication: communication)
        routes = TherapistRoutes(workflows: workflows, reads: PostgresTherapistReadModel(db: context.database!))
        pdfRoutes = PDFRoutes(store: store, storage: PDFStorage(base: settings.pdfStoragePath))
        importer = TherapistImporter.make(importSettings, store: store, communication: communication, logger: context.logger)
        importRoutes = ImportRoutes(statistics: importer.statistics, clock: { .now() })
        components = [http, importer]
    }

    public func register(on router: inout Router) {
        routes.register(on: &router)
        pdfRoutes.register(on: &router)
        importRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }
}
