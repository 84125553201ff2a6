internal import Shared
internal import SMTP

/// The communication service's settings (communication.md §9, operations.md §7.5–7.6).
struct CommunicationConfig: Sendable {
    let peers: PeerServices
    let smtp: SMTPConfiguration
    /// `EMAIL_SENDER`: default From address of emails and the sender of system messages.
    let sender: String
    /// `EMAIL_SENDER_NAME` (defaults to `EMAIL_SENDER`).
    let senderName: String
    /// `SYSTEM_NOTIFICATION_EMAIL`: default recipient of system messages.
    let systemNotificationEmail: String
    /// The company lines of the legal footer (§5.3).
    let footer: LegalFooterSettings

    init(_ config: inout ConfigReader) {
        peers = PeerServices(["patient"], config: &config)
        let password = config.secret("SMTP_PASSWORD", required: false)?.value ?? ""
        smtp = SMTPConfiguration(
            host: config.string("SMTP_HOST", default: "127.0.0.1"), port: config.port("SMTP_PORT", default: 1025),
            username: config.string("SMTP_USERNAME", default: ""), password: password,
            useTLS: config.bool("SMTP_USE_TLS", default: false),
            connectTimeout: config.seconds("SMTP_CONNECT_TIMEOUT_SECONDS", default: .seconds(10)),
            totalTimeout: config.seconds("SMTP_TIMEOUT_SECONDS", default: .seconds(60)),
            caFile: config.optionalString("SMTP_CA_FILE").flatMap { $0.isEmpty ? nil : $0 })
        sender = config.string("EMAIL_SENDER", default: "info@curavani.com")
        let name = config.string("EMAIL_SENDER_NAME", default: "")
        senderName = name.isEmpty ? sender : name
        systemNotificationEmail = config.string("SYSTEM_NOTIFICATION_EMAIL", default: sender)
        footer = LegalFooterSettings(&config, sender: sender)
    }
}

/// The legal footer's company data (operations.md §7.6); empty values print as empty lines.
struct LegalFooterSettings: Sendable, Equatable {
    var companyName = "Curavani GmbH"
    var street = ""
    var plz = "52070"
    var city = "Aachen"
    var country = "Deutschland"
    /// The `E-Mail:` line: `EMAIL_SENDER`.
    var email = "info@curavani.com"
    var ceo = ""
    var hrb = ""
    var privacyText = ""

    init() {}

    init(_ config: inout ConfigReader, sender: String) {
        companyName = config.string("COMPANY_NAME", default: companyName)
        street = config.string("COMPANY_STREET", default: street)
        plz = config.string("COMPANY_PLZ", default: plz)
        city = config.string("COMPANY_CITY", default: city)
        country = config.string("COMPANY_COUNTRY", default: country)
        email = sender
        ceo = config.string("COMPANY_CEO", default: ceo)
        hrb = config.string("COMPANY_HRB", default: hrb)
        privacyText = config.string("LEGAL_FOOTER_PRIVACY_TEXT", default: privacyText)
    }
}
