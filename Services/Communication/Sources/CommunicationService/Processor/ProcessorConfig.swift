internal import Shared

/// The storage processor's settings (communication.md §7, §9; external.md §2). Object storage
/// and `HMAC_SECRET_KEY` are read on a copy of the reader: their problems stop the processor
/// (reported by `/health/processor`) instead of the whole service.
struct ProcessorConfig: Sendable {
    /// `STORAGE_PROCESSOR_ENABLED` (default true).
    let enabled: Bool
    /// `STORAGE_CHECK_INTERVAL_SECONDS` (default 30).
    let interval: Duration
    /// `OBJECT_STORAGE_*` / `SWIFT_*`, container from `FLASK_ENV`; nil when disabled or unusable.
    let storage: ObjectStorageConfig?
    /// `HMAC_SECRET_KEY`: shared with the website, signs the files.
    let hmacKey: Secret
    /// Why storage or key cannot be used (empty when they can).
    let problems: [String]
    /// `EMAIL_TEMPLATE_DIR` (default `templates/emails`).
    let templateDirectory: String
    /// `EMAIL_SENDER_NAME`, or `Curavani` when unset (§7.1).
    let senderName: String
    /// `SUPPORT_PHONE` (default empty: the verification email then names the email address only).
    let supportPhone: String
    /// `COMMUNICATION_SERVICE_URL`: this service's own base URL for `/api/system-messages`.
    let selfURL: String?

    init(_ config: inout ConfigReader, environment: String) {
        enabled = config.bool("STORAGE_PROCESSOR_ENABLED", default: true)
        interval = .seconds(config.int("STORAGE_CHECK_INTERVAL_SECONDS", default: 30, range: 1...86_400))
        templateDirectory = config.string(TemplateLibrary.directoryVariable, default: "templates/emails")
        let name = config.string("EMAIL_SENDER_NAME", default: "")
        senderName = name.isEmpty ? "Curavani" : name
        supportPhone = config.string("SUPPORT_PHONE", default: "")
        let url = config.optionalString("COMMUNICATION_SERVICE_URL").flatMap { $0.isEmpty ? nil : $0 }
        selfURL = url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        // The HTTP client speaks plain http only; a wrong URL disables the processor, not the service.
        let urlProblems = url.map { $0.hasPrefix("http://") ? [] : ["invalid COMMUNICATION_SERVICE_URL (expected an http:// URL)"] } ?? []
        guard enabled else {
            (storage, hmacKey, problems) = (nil, Secret(""), [])
            return
        }
        var trial = config
        let known = trial.problems.count
        let storage = ObjectStorageConfig(reading: &trial, environment: environment)
        let key = trial.secret("HMAC_SECRET_KEY")
        problems = Array(trial.problems.dropFirst(known)) + urlProblems
        if trial.problems.count == known { config = trial }
        self.storage = problems.isEmpty ? storage : nil
        hmacKey = key ?? Secret("")
    }
}
