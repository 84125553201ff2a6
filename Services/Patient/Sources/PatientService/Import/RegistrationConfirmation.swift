internal import Shared

/// The registration confirmation after an import (patient.md §6.3): prices for regular
/// bookings, the §5.1 template, the email through the communication service. Every failure
/// becomes a system notification; the import itself has already succeeded.
struct RegistrationConfirmation: Sendable {
    static let template = "patient_registration_confirmation.md"
    static let defaultSubject = "Registrierung Suche Psychotherapieplatz erfolgreich"

    let templates: TemplateLibrary
    let prices: any PriceSource
    let communication: any CommunicationGateway
    let notifier: ImportNotifier

    func send(for registration: Registration, patient: Patient) async {
        guard let email = patient.email, !email.isEmpty else { return }
        var context: [String: TemplateValue] = ["patient": TemplateValue(json: .object(registration.data))]
        if registration.isVoucher {
            context["price"] = "0,00 Euro"
            context["price_number"] = 0
            context["upgrade_price"] = "0,00 Euro"
        } else {
            let list: Prices
            do { list = try await prices.current() } catch {
                // The original meant to fail the import here but never did; the patient is stored,
                // so staff are told and can send the confirmation by hand.
                await notifier.notify("Exception sending patient confirmation email",
                                      "Could not fetch prices for patient \(patient.id): \(error)")
                return
            }
            let price = patient.wantsGroupTherapy ? list.gruppentherapie : list.einzeltherapie
            context["price"] = .string(GermanPrice.format(price))
            context["price_number"] = .double(price)
            context["upgrade_price"] = .string(GermanPrice.format(list.einzeltherapie - list.gruppentherapie))
        }
        context["service_type"] = patient.wantsGroupTherapy ? "Gruppentherapie" : "Einzeltherapie"
        let rendered: String
        do { rendered = try templates.render(Self.template, context) } catch {
            let subject = if case .directoryNotFound = error { "Email template directory not found" } else { "Email template error" }
            await notifier.notify(subject, "Confirmation for patient \(patient.id) not sent: \(error)")
            return
        }
        let (subject, body) = Template.splitSubject(rendered, default: Self.defaultSubject)
        do {
            try await communication.queue(OutgoingEmail(patientID: patient.id, recipientEmail: email,
                                                        recipientName: patient.fullName, subject: subject, markdown: body))
        } catch {
            await notifier.notify("Failed to send patient confirmation email", "Patient \(patient.id): \(error)")
        }
    }
}

/// Current list prices.
struct Prices: Sendable, Equatable {
    var einzeltherapie: Double
    var gruppentherapie: Double
}

/// Where prices come from (`PRICES_URL`, default https://www.curavani.com/prices.json).
protocol PriceSource: Sendable {
    func current() async throws -> Prices
}
