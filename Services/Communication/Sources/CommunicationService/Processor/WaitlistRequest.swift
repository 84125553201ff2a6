internal import Shared

/// The payload of a `waitlist/` file (communication.md §7.3): confirm the Virtual Coach
/// waitlist sign-up, in German or English.
struct WaitlistRequest: Sendable, Equatable {
    static let defaultSubjectDE = "Curavani: Bestätigen Sie Ihre Virtual Coach Wartelisten-Anmeldung"
    static let defaultSubjectEN = "Curavani: Confirm Your Virtual Coach Waitlist Registration"

    var email: String
    var link: String
    /// `de` or `en` (default, and for any other value).
    var language: String
    var subject: String
    var expiryMinutes: JSONValue

    /// Reads `data`; throws the spec's failure text when a required field is missing.
    init(data: JSONObject) throws(ProcessingError) {
        guard let email = data.providedText("email"), let link = data.providedText("verification_link") else {
            throw .failed("Missing required fields: email or verification_link")
        }
        (self.email, self.link) = (email, link)
        language = data["language"]?.stringValue == "de" ? "de" : "en"
        subject = language == "de" ? data.providedText("subject_de") ?? Self.defaultSubjectDE
            : data.providedText("subject_en") ?? Self.defaultSubjectEN
        expiryMinutes = data.value("expiry_minutes", default: 30)
    }

    /// `waitlist_verification_de.md` or `waitlist_verification_en.md`.
    var template: String { "waitlist_verification_\(language).md" }

    func context(year: Int) -> [String: TemplateValue] {
        ["verification_link": .string(link), "expiry_minutes": TemplateValue(json: expiryMinutes), "current_year": .int(year)]
    }

    /// The short text sent when the template cannot be rendered.
    var fallback: String {
        let minutes = expiryMinutes.pythonText
        return language == "de"
            ? "Hallo,\n\nbitte bestätigen Sie Ihre Anmeldung zur Virtual Coach Warteliste über diesen Link:\n\n\(link)\n\n"
                + "Der Link ist \(minutes) Minuten gültig.\n\nIhr Curavani-Team"
            : "Hello,\n\nplease confirm your Virtual Coach waitlist registration with this link:\n\n\(link)\n\n"
                + "The link is valid for \(minutes) minutes.\n\nThe Curavani Team"
    }
}
