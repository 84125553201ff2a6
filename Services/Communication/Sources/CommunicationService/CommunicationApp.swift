public import Shared
internal import SMTP

/// Composition root of the communication service: reads its settings, wires storage, SMTP, the
/// queue worker and the object-storage processor, and registers the routes of communication.md.
public struct CommunicationApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "communication", portKey: "COMMUNICATION_SERVICE_INTERNAL_PORT", defaultPort: 8004)
    public static let schema: String? = "communication_service"

    let settings: CommunicationConfig
    let emailRoutes: EmailRoutes
    let phoneCallRoutes: PhoneCallRoutes
    let systemMessageRoutes: SystemMessageRoutes
    let queueRoutes: QueueRoutes
    /// The email queue worker (tests run cycles on demand).
    let queueWorker: EmailQueueWorker
    /// The pool (tests set up queue states with it).
    let database: PostgresPool
    public let components: [any Service]
    /// The object-storage processor (§7; tests run cycles on demand) and its routes.
    public let processor: StorageProcessor
    let processorRoutes: ProcessorRoutes
    /// This service's own base URL for `POST /api/system-messages` (filled in late with port 0).
    public let selfAddress: SelfAddress

    public init(config: inout ConfigReader, context: AppContext) {
        settings = CommunicationConfig(&config)
        database = context.database!
        let queueSettings = QueueSettings(&config, smtpTimeout: settings.smtp.totalTimeout,
                                          defaultWorkerID: Self.defaultWorkerID(&config))
        let attachmentRoots = config.list("EMAIL_ATTACHMENT_ROOTS", default: [config.string("THERAPIST_PDF_STORAGE_PATH",
                                                                                          default: ".data/dev/therapist_pdfs")])
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let logger = context.logger
        let smtp = SMTPClient(configuration: settings.smtp)
        let footer = LegalFooter(settings.footer)
        let patients = PatientClient(http: http, baseURL: settings.peers.url("patient"), logger: logger)
        let mailer = SystemMessageMailer(smtp: smtp, sender: settings.sender, defaultRecipient: settings.systemNotificationEmail,
                                         footer: footer)
        let store = PostgresEmailStore(db: context.database!)
        emailRoutes = EmailRoutes(workflows: EmailWorkflows(store: store, contacts: patients, sender: settings.sender,
                                                            senderName: settings.senderName, footer: footer))
        systemMessageRoutes = SystemMessageRoutes(mailer: mailer, logger: logger)
        phoneCallRoutes = PhoneCallRoutes(
            workflows: PhoneCallWorkflows(store: PostgresPhoneCallStore(db: context.database!), lastContact: patients),
            reads: PostgresPhoneCallReadModel(db: context.database!))
        let cycle = EmailQueueCycle(settings: queueSettings, queue: PostgresEmailQueue(db: context.database!, worker: queueSettings.workerID),
                                    delivery: EmailDelivery(smtp: smtp, attachments: AttachmentFiles(roots: attachmentRoots), logger: logger),
                                    statistics: QueueStatistics(), contacts: patients, notifier: mailer, logger: logger)
        queueWorker = EmailQueueWorker(cycle: cycle)
        queueRoutes = QueueRoutes(statistics: queueWorker.statistics, clock: { .now() })
        let processorSettings = ProcessorConfig(&config, environment: context.runtime.environment)
        let address = SelfAddress(explicit: processorSettings.selfURL, host: context.runtime.host,
                                  port: context.runtime.port)
        selfAddress = address
        let processorStatistics = ProcessorStatistics()
        processor = StorageProcessor(settings: processorSettings,
                                     sender: SelfSystemMessageClient(http: http, baseURL: { address.url }),
                                     statistics: processorStatistics, http: http, logger: logger)
        processorRoutes = ProcessorRoutes(statistics: processorStatistics, clock: { .now() })
        components = [http, queueWorker, processor]
    }

    public func register(on router: inout Router) {
        emailRoutes.register(on: &router)
        queueRoutes.register(on: &router)
        phoneCallRoutes.register(on: &router)
        systemMessageRoutes.register(on: &router)
        processorRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }

    /// `<hostname>:<port>`: stable across restarts of the same instance.
    static func defaultWorkerID(_ config: inout ConfigReader) -> String {
        let port = config.optionalString(descriptor.portKey) ?? String(descriptor.defaultPort)
        return "\(HostName.current):\(port)"
    }
}
