internal import Shared

/// The matching service's settings (matching.md §10, operations.md §7).
struct MatchingConfig: Sendable {
    let peers: PeerServices
    /// `MIN_ANFRAGE_SIZE` … `MAX_ANFRAGE_SIZE`: patients per anfrage (1…6 by default).
    let anfrageSizes: ClosedRange<Int>
    /// `PLZ_MATCH_DIGITS`: the length of a PLZ prefix (2).
    let plzMatchDigits: Int
    /// `FOLLOW_UP_THRESHOLD_DAYS`: days after sending before an anfrage needs a follow-up (7).
    let followUpThresholdDays: Int
    /// `DEFAULT_PHONE_CALL_TIME`: the call time when the therapist has no phone hours (`12:00`).
    let defaultPhoneCallTime: String
    /// `DEFAULT_MAX_DISTANCE_KM`: the patient's travel limit when not given (25).
    let defaultMaxDistanceKm: Double
    /// `COMPANY_CEO`: the signatory of inquiry and reminder emails.
    let signatory: String
    /// `EMAIL_TEMPLATE_DIR`.
    let templateDirectory: String
    /// `FOLLOW_UP_REMINDERS_ENABLED`: the daily reminder job (on by default; tests run it on demand).
    let remindersEnabled: Bool
    /// `FOLLOW_UP_REMINDER_HOUR`: the local hour of the daily run (9).
    let reminderHour: Int

    /// `THERAPIST_LIST_CACHE_SECONDS`: how long the selection list reuses a prefix's therapists (2; 0 = off).
    let therapistListTTL: Duration

    init(_ config: inout ConfigReader) {
        peers = PeerServices(["patient", "therapist", "geocoding", "communication"], config: &config)
        let minimum = config.int("MIN_ANFRAGE_SIZE", default: 1, range: 1...100)
        let maximum = config.int("MAX_ANFRAGE_SIZE", default: 6, range: 1...100)
        if minimum > maximum { config.invalid("MIN_ANFRAGE_SIZE", String(minimum), expected: "at most MAX_ANFRAGE_SIZE") }
        anfrageSizes = minimum...max(minimum, maximum)
        plzMatchDigits = config.int("PLZ_MATCH_DIGITS", default: 2, range: 1...5)
        followUpThresholdDays = config.int("FOLLOW_UP_THRESHOLD_DAYS", default: 7, range: 0...3650)
        defaultPhoneCallTime = config.string("DEFAULT_PHONE_CALL_TIME", default: "12:00")
        let parts = defaultPhoneCallTime.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count != 2 || !(Int(parts[0]).map { (0...23).contains($0) } ?? false)
            || !(parts[1].count == 2 && Int(parts[1]).map { (0...59).contains($0) } ?? false) {
            config.invalid("DEFAULT_PHONE_CALL_TIME", defaultPhoneCallTime, expected: "a time H:MM or HH:MM")
        }
        defaultMaxDistanceKm = config.double("DEFAULT_MAX_DISTANCE_KM", default: 25, range: 0...10_000)
        signatory = config.string("COMPANY_CEO", default: "")
        templateDirectory = config.string(TemplateLibrary.directoryVariable, default: "templates/emails")
        remindersEnabled = config.bool("FOLLOW_UP_REMINDERS_ENABLED", default: true)
        therapistListTTL = config.seconds("THERAPIST_LIST_CACHE_SECONDS", default: .seconds(2))
        reminderHour = config.int("FOLLOW_UP_REMINDER_HOUR", default: 9, range: 0...23)
    }
}
