internal import Shared

/// The patient service's own settings (spec patient.md §7, operations.md §7).
struct PatientConfig: Sendable {
    let peers: PeerServices
    /// `PATIENT_IMPORT_LOCAL_PATH`: archive of imported files (+ `failed/`).
    let importPath: String
    /// `PATIENT_IMPORT_CHECK_INTERVAL_SECONDS`.
    let importInterval: Duration
    /// `HMAC_SECRET_KEY`: shared with the website, signs registration files.
    let hmacKey: Secret
    let storage: ObjectStorageConfig
    /// `EMAIL_TEMPLATE_DIR` (default `templates/emails`).
    let templateDirectory: String
    /// `PRICES_URL` (default the website's prices.json).
    let pricesURL: String

    init(_ config: inout ConfigReader, environment: String) {
        peers = PeerServices(["matching", "communication"], config: &config)
        importPath = config.string("PATIENT_IMPORT_LOCAL_PATH")
        importInterval = .seconds(config.int("PATIENT_IMPORT_CHECK_INTERVAL_SECONDS", range: 1...86_400))
        hmacKey = config.secret("HMAC_SECRET_KEY") ?? Secret("")
        storage = ObjectStorageConfig(reading: &config, environment: environment)
        templateDirectory = config.string(TemplateLibrary.directoryVariable, default: "templates/emails")
        pricesURL = config.string("PRICES_URL", default: "https://www.curavani.com/prices.json")
    }
}
