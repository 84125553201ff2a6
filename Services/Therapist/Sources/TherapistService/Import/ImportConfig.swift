public import Shared

/// The importer's settings (therapist.md §6, §7).
public struct ImportConfig: Sendable {
    /// `THERAPIST_IMPORT_FOLDER_PATH` (required): the base folder; the urgent folder is its
    /// sibling `<basename>_urgent`.
    public var folderPath: String
    /// `THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS` (required, 1…604800; 86400 = daily).
    public var interval: Duration
    /// `THERAPIST_IMPORT_ENABLED` (default true). The original never read it; here false
    /// stops the automatic cycles (`import-now` still works).
    public var enabled: Bool

    /// Reads the settings; problems are collected in `config`.
    public init(_ config: inout ConfigReader) {
        folderPath = config.string("THERAPIST_IMPORT_FOLDER_PATH")
        interval = .seconds(config.int("THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS", range: 1...604_800))
        enabled = config.bool("THERAPIST_IMPORT_ENABLED", default: true)
    }

    /// Fixed settings (tests).
    public init(folderPath: String, interval: Duration, enabled: Bool = true) {
        (self.folderPath, self.interval, self.enabled) = (folderPath, interval, enabled)
    }
}

extension TherapistImporter {
    /// The importer over `store`, notifying through `communication` (therapist.md §6.4).
    public static func make(_ settings: ImportConfig, store: any TherapistStore, communication: any CommunicationGateway,
                            logger: Logger, clock: @escaping @Sendable () -> UTCTimestamp = { .now() }) -> TherapistImporter {
        let statistics = ImportStatistics(clock: clock)
        let cycle = ImportCycle(folder: ImportFolder(base: settings.folderPath), importer: TherapistImport(store: store, logger: logger),
                                statistics: statistics, notifier: ImportNotifier(communication: communication, logger: logger),
                                logger: logger, clock: clock)
        return TherapistImporter(cycle: cycle, statistics: statistics, interval: settings.interval, enabled: settings.enabled)
    }
}
