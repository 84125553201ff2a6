internal import Shared

/// The payload of a `verifications/` file (communication.md §7.1): the first registration step
/// asks the visitor to confirm the email address.
struct VerificationRequest: Sendable, Equatable {
    static let template = "verification_email.md"
    static let defaultSubject = "Bestätigen Sie Ihre E-Mail-Adresse | Curavani"

    var email: String
    var token: String
    var link: String
    var subject: String
    /// `expiry_minutes` as given (number or text), default 30.
    var expiryMinutes: JSONValue

    /// Reads `data`; throws the spec's failure text when a required field is missing.
    init(data: JSONObject) throws(ProcessingError) {
        guard let email = data.providedText("email"), let token = data.providedText("token"),
              let link = data.providedText("verification_link") else {
            throw .failed("Missing required fields: email, token, or verification_link")
        }
        (self.email, self.token, self.link) = (email, token, link)
        subject = data.providedText("subject") ?? Self.defaultSubject
        expiryMinutes = data.value("expiry_minutes", default: 30)
    }

    /// The template variables (`support_phone` may be empty: the sentence then names the email only).
    func context(year: Int, supportPhone: String) -> [String: TemplateValue] {
        ["verification_link": .string(link), "expiry_minutes": TemplateValue(json: expiryMinutes),
         "current_year": .int(year), "support_phone": .string(supportPhone)]
    }

    /// The short text sent when the template cannot be rendered.
    var fallback: String {
        "Hallo,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link:\n\n\(link)\n\n"
            + "Der Link ist \(expiryMinutes.pythonText) Minuten gültig.\n\nIhr Curavani-Team"
    }
}
