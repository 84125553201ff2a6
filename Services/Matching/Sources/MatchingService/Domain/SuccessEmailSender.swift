internal import Shared

/// §8.3: the "Therapieplatz gefunden" email to the patient, with the therapist's PDF forms, and
/// the patient's status `in_Therapie`. Never throws: the outcome is the note for the search.
struct SuccessEmailSender: Sendable {
    let peers: MatchingPeerSet
    let emails: MatchingEmails
    let logger: Logger

    func send(patientID: Int, therapistID: Int, templateType: String?, meeting: JSONValue?) async -> String {
        let template = SuccessTemplate(requested: templateType)
        do {
            let emailID = try await create(template, patientID: patientID, therapistID: therapistID, meeting: meeting)
            do { try await peers.patients.setStatus(patientID, to: "in_Therapie") } catch {
                logger.warning("patient status in_Therapie not set", ["patient_id": String(patientID), "error": error.description])
            }
            return "Success email sent to patient (Email ID: \(emailID), Template: \(template.rawValue))"
        } catch {
            return "Failed to send success email: \(Self.reason(error))"
        }
    }

    func create(_ template: SuccessTemplate, patientID: Int, therapistID: Int, meeting: JSONValue?) async throws -> Int {
        guard let patient = try await peers.patients.patient(patientID) else { throw Failure("Patient not found") }
        guard let address = patient.text("email") else { throw Failure("Patient has no email address") }
        guard let therapist = try await peers.therapists.therapist(therapistID) else { throw Failure("Therapist not found") }
        let forms = try await peers.therapists.pdfForms(therapistID)
        let rendered = try emails.success(template, patient: patient, therapist: therapist, pdfForms: forms.map(\.filename),
                                          meeting: template.confirmsMeeting ? meeting : nil)
        var body: [(String, JSONValue)] = [
            ("patient_id", .number(String(patientID))), ("betreff", .string(rendered.subject)),
            ("inhalt_markdown", .string(rendered.markdown)), ("empfaenger_email", .string(address)),
            ("empfaenger_name", MatchingJSON.name(patient)),
            ("add_legal_footer", true), ("status", "In_Warteschlange"),
        ]
        if !forms.isEmpty { body.append(("attachments", .array(forms.map { .string($0.path) }))) }
        return try await peers.communication.createEmail(MatchingJSON.object(body))
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let failure as Failure: failure.text
        case let peer as PeerError: "Email service error: \(peer.description)"
        case let template as TemplateError: "Template error: \(template)"
        default: "internal error"
        }
    }

    struct Failure: Error { let text: String; init(_ text: String) { self.text = text } }
}
