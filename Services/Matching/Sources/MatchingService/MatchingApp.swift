public import Shared

/// Composition root of the matching service: reads its settings, wires storage, the four peers,
/// the emails and the daily reminders, and registers the routes of matching.md.
public struct MatchingApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "matching", portKey: "MATCHING_SERVICE_INTERNAL_PORT", defaultPort: 8003)
    public static let schema: String? = "matching_service"

    let searchRoutes: SearchRoutes
    let anfrageRoutes: AnfrageRoutes
    /// The daily follow-up reminders (tests run them on demand).
    let reminders: ReminderJob
    public let components: [any Service]

    public init(config: inout ConfigReader, context: AppContext) {
        let settings = MatchingConfig(&config)
        let db = context.database!, logger = context.logger
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let peers = MatchingPeerSet(
            patients: PatientClient(http: http, baseURL: settings.peers.url("patient")),
            therapists: TherapistClient(http: http, baseURL: settings.peers.url("therapist")),
            distances: GeocodingClient(http: http, baseURL: settings.peers.url("geocoding")),
            communication: CommunicationClient(http: http, baseURL: settings.peers.url("communication")))
        let clock: @Sendable () -> UTCTimestamp = { .now() }
        let today: @Sendable () -> LocalDate = { LocalDate.localToday() }
        let searches = PostgresSearchStore(db: db), anfragen = PostgresAnfrageStore(db: db)
        let emails = MatchingEmails(templates: TemplateLibrary(directory: settings.templateDirectory), signatory: settings.signatory)
        let phoneCalls = PhoneCallPlanner(communication: peers.communication, defaultTime: settings.defaultPhoneCallTime, today: today)
        let sending = SendWorkflow(anfragen: anfragen, peers: peers, emails: emails, phoneCalls: phoneCalls, logger: logger, clock: clock)
        let prefix = PLZPrefixRule(digits: settings.plzMatchDigits)
        let selectionCache = TherapistListCache(therapists: peers.therapists, ttl: settings.therapistListTTL)
        searchRoutes = SearchRoutes(
            workflows: SearchWorkflows(store: searches, peers: peers, clock: clock),
            update: SearchUpdate(store: searches, success: SuccessEmailSender(peers: peers, emails: emails, logger: logger), clock: clock))
        anfrageRoutes = AnfrageRoutes(
            selection: SelectionWorkflow(anfragen: anfragen, therapists: selectionCache, prefix: prefix, today: today),
            bundles: BundleWorkflow(searches: searches, anfragen: anfragen, peers: peers,
                                    constraints: HardConstraints(defaultMaxKm: settings.defaultMaxDistanceKm),
                                    sizes: settings.anfrageSizes, today: today),
            sending: sending,
            answers: AnswerWorkflow(anfragen: anfragen, therapists: peers.therapists, selectionCache: selectionCache,
                                   logger: logger, clock: clock),
            workflows: AnfrageWorkflows(anfragen: anfragen, peers: peers, followUpThreshold: settings.followUpThresholdDays, clock: clock),
            prefix: prefix, logger: logger)
        reminders = ReminderJob(
            run: ReminderRun(anfragen: anfragen, peers: peers, emails: emails, phoneCalls: phoneCalls,
                             threshold: settings.followUpThresholdDays, logger: logger, clock: clock),
            hour: settings.reminderHour, enabled: settings.remindersEnabled)
        components = [http, reminders]
    }

    public func register(on router: inout Router) {
        searchRoutes.register(on: &router)
        anfrageRoutes.register(on: &router)
        router.serveOpenAPI(PackageResources.openapi_yaml)
    }
}
