internal import Shared
internal import HTTPSTransport

extension StorageProcessor {
    /// The processor as `settings` describe it: active, disabled, or unusable (its problems
    /// become `Monitor startup failed: …`). Swift storage traffic goes over `http` (plain) or
    /// a URLSession transport (https), as in the patient service.
    convenience init(settings: ProcessorConfig, sender: any SystemMessageSending, statistics: ProcessorStatistics,
                     http: HTTPClient, logger: Logger) {
        guard settings.enabled else {
            self.init(mode: .disabled, statistics: statistics, interval: settings.interval)
            return
        }
        guard let storage = settings.storage else {
            let reason = settings.problems.joined(separator: "; ")
            logger.error("storage processor not started: unusable settings", ["problems": reason])
            self.init(mode: .unusable(reason), statistics: statistics, interval: settings.interval)
            return
        }
        let clock: @Sendable () -> UTCTimestamp = { .now() }
        let emails = WebsiteEmails(templates: TemplateLibrary(directory: settings.templateDirectory),
                                   senderName: settings.senderName, supportPhone: settings.supportPhone,
                                   logger: logger, clock: clock)
        let cycle = StorageCycle(
            storage: storage.makeStorage(httpClient: http, secure: ObjectStorageURLSessionTransport(timeout: .seconds(30))),
            container: storage.container, hmacKey: Array(settings.hmacKey.value.utf8), emails: emails, sender: sender,
            statistics: statistics, logger: logger, clock: clock)
        let folders = ProcessorKind.allCases.map(\.folder)
        self.init(mode: .active(cycle: cycle, prepare: { try storage.prepareLocalFolders(folders) },
                                firstDelay: settings.interval),
                  statistics: statistics, interval: settings.interval)
    }
}
