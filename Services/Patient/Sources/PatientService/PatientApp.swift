public import Shared
internal import HTTPSTransport

/// Composition root of the patient service: reads its settings, wires store, peers, mailer
/// and the registration importer, and registers the routes of patient.md §2.
public struct PatientApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "patient", portKey: "PATIENT_SERVICE_INTERNAL_PORT", defaultPort: 8001)
    public static let schema: String? = "patient_service"

    let routes: PatientRoutes
    let importRoutes: ImportRoutes
    /// The registration importer (tests run cycles on demand).
    public let importer: RegistrationImporter
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = PatientConfig(&config, environment: context.runtime.environment)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let store = PostgresPatientStore(db: context.database!)
        let communication = CommunicationClient(http: http, baseURL: settings.peers.url("communication"))
        let templates = TemplateLibrary(directory: settings.templateDirectory)
        let logger = context.logger
        let mailer = PaymentConfirmationMailer(communication: communication, render: { patient in
            do throws(TemplateError) {
                return try templates.render("payment_confirmation.md", ["patient": TemplateValue(patient: patient)])
            } catch {
                logger.warning("payment confirmation template failed; using the plain text", ["error": error.description])
                return nil
            }
        }, logger: logger)
        let workflows = PatientWorkflows(store: store, searches: MatchingClient(http: http, baseURL: settings.peers.url("matching")),
                                         communication: communication, mailer: mailer)
        let statistics = ImportStatistics()
        let notifier = ImportNotifier(communication: communication, logger: logger)
        let https = ObjectStorageURLSessionTransport(timeout: .seconds(30))
        // Prices within 10 s (spec §6.3): plain http through `http` (10 s request timeout), https here.
        let prices = PricesClient(url: settings.pricesURL, transport: ObjectStorageSchemeTransport(
            httpClient: http, secure: ObjectStorageURLSessionTransport(timeout: .seconds(10))))
        let processor = RegistrationProcessor(
            storage: settings.storage.makeStorage(httpClient: http, secure: https), container: settings.storage.container,
            archive: ImportArchive(root: settings.importPath), hmacKey: Array(settings.hmacKey.value.utf8), store: store,
            confirmation: RegistrationConfirmation(templates: templates, prices: prices, communication: communication, notifier: notifier),
            notifier: notifier, statistics: statistics, logger: logger, clock: { .now() })
        importer = RegistrationImporter(processor: processor, statistics: statistics, interval: settings.importInterval) { [storage = settings.storage] in
            try storage.prepareLocalFolders([RegistrationProcessor.folder])
        }
        routes = PatientRoutes(workflows: workflows, reads: PostgresPatientReadModel(db: context.database!))
        importRoutes = ImportRoutes(statistics: statistics, clock: { .now() })
        components = [http, importer]
    }

    public func register(on router: inout Router) {
        routes.register(on: &router)
        importRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }
}
