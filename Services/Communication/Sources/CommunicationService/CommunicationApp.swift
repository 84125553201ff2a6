public import Shared

/// Composition root of the communication service: reads its settings, wires storage, SMTP, the
/// queue worker and the object-storage processor, and registers the routes of communication.md.
public struct CommunicationApp: ServiceApplication {
    public static let descriptor = ServiceDescriptor(name: "communication", portKey: "COMMUNICATION_SERVICE_INTERNAL_PORT", defaultPort: 8004)
    public static let schema: String? = "communication_service"

    let settings: CommunicationConfig
    public let components: [any Service]
    /// The object-storage processor (§7; tests run cycles on demand) and its routes.
    public let processor: StorageProcessor
    let processorRoutes: ProcessorRoutes
    /// This service's own base URL for `POST /api/system-messages` (filled in late with port 0).
    public let selfAddress: SelfAddress

    public init(config: inout ConfigReader, context: AppContext) {
        settings = CommunicationConfig(&config)
        let http = HTTPClient(configuration: .init(requestTimeout: .seconds(10)))
        let processorSettings = ProcessorConfig(&config, environment: context.runtime.environment)
        let address = SelfAddress(explicit: processorSettings.selfURL, host: context.runtime.host,
                                  port: context.runtime.port)
        selfAddress = address
        let statistics = ProcessorStatistics()
        processor = StorageProcessor(settings: processorSettings,
                                     sender: SelfSystemMessageClient(http: http, baseURL: { address.url }),
                                     statistics: statistics, http: http, logger: context.logger)
        processorRoutes = ProcessorRoutes(statistics: statistics, clock: { .now() })
        components = [http, processor]
    }

    public func register(on router: inout Router) {
        processorRoutes.register(on: &router)
    }
}
