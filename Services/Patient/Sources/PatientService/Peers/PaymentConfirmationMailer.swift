internal import Shared

/// Queues the payment confirmation (patient.md §5.2) through the communication service.
/// Rendering falls back to a plain text with the same information; failures are logged only.
struct PaymentConfirmationMailer: PatientMailer {
    static let subject = "Zahlung eingegangen - Ihre Therapieplatzsuche startet jetzt!"
    let communication: any CommunicationGateway
    let render: @Sendable (Patient) -> String?
    let logger: Logger

    func paymentConfirmation(for patient: Patient) async {
        guard let email = patient.email, !email.isEmpty else {
            logger.info("payment confirmation skipped: no email address", ["patient.id": String(patient.id)])
            return
        }
        let markdown = render(patient) ?? Self.fallback(patient)
        do {
            try await communication.queue(OutgoingEmail(patientID: patient.id, recipientEmail: email,
                                                        recipientName: patient.fullName, subject: Self.subject,
                                                        markdown: markdown))
            logger.info("payment confirmation queued", ["patient.id": String(patient.id)])
        } catch {
            logger.error("payment confirmation not queued", ["patient.id": String(patient.id), "error": error.description])
        }
    }

    /// The plain text used when the template cannot be rendered.
    static func fallback(_ patient: Patient) -> String {
        let place = patient.wantsGroupTherapy ? "Gruppentherapieplatz" : "Einzeltherapieplatz"
        return """
            \(Salutation.line(for: patient))

            Ihre Zahlung ist bei uns eingegangen - vielen Dank!

            **Zahlungsreferenz:** \(patient.zahlungsreferenz ?? "")

            Ab sofort suchen wir aktiv einen **\(place)** für Sie. Wir kontaktieren Therapeutinnen und \
            Therapeuten in Ihrer Nähe und melden uns, sobald wir einen Platz für Sie gefunden haben.

            Bei Fragen erreichen Sie uns unter info@curavani.com.

            Mit freundlichen Grüßen
            Ihr Curavani Team
            """
    }
}

/// The salutation line of patient emails (patient.md §5.1).
enum Salutation {
    static func line(anrede: String?, nachname: String) -> String {
        switch anrede {
        case "Herr": "Sehr geehrter Herr \(nachname),"
        case "Frau": "Sehr geehrte Frau \(nachname),"
        default: "Sehr geehrter/geehrte \(nachname),"
        }
    }

    static func line(for patient: Patient) -> String { line(anrede: patient.anrede.rawValue, nachname: patient.nachname) }
}

extension TemplateValue {
    /// The `patient` context of patient emails.
    init(patient: Patient) {
        self = .dict(["anrede": .string(patient.anrede.rawValue), "vorname": .string(patient.vorname),
                      "nachname": .string(patient.nachname), "zahlungsreferenz": TemplateValue(patient.zahlungsreferenz),
                      "offen_fuer_gruppentherapie": .bool(patient.wantsGroupTherapy), "email": TemplateValue(patient.email)])
    }
}
