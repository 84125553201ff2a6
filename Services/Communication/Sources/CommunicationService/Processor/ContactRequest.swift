internal import Shared

/// The payload of a `contacts/` file (communication.md §7.2): a contact-form message that is
/// forwarded to support.
struct ContactRequest: Sendable, Equatable {
    static let template = "contact_form_forward.md"
    static let defaultSupportEmail = "patienten@curavani.com"
    static let defaultSource = "curavani.com"
    /// Form and metadata fields handed to the template (missing ones as empty text).
    static let formFields = ["vorname", "nachname", "email", "telefon", "nachricht", "form_submitted_at"]
    static let metadataFields = ["ip_address", "request_id"]

    /// `form_data` and `metadata` members by name, as text.
    var fields: [String: String]
    var supportEmail: String
    var source: String
    /// `environment` of the outer (signed) wrapper.
    var environment: String

    /// Reads the payload (`data.data` when present, else `data`); throws the spec's failure
    /// text when `vorname`, `nachname` or `email` is missing.
    init(document: SignedJSONDocument) throws(ProcessingError) {
        var payload = try ProcessingError.payload(document.data)
        if let inner = payload["data"] { payload = try ProcessingError.payload(inner, name: "data.data") }
        let form = try ProcessingError.payload(payload.value("form_data", default: .object([:])), name: "form_data")
        let metadata = try ProcessingError.payload(payload.value("metadata", default: .object([:])), name: "metadata")
        var fields: [String: String] = [:]
        for key in Self.formFields { fields[key] = form.providedText(key) ?? "" }
        for key in Self.metadataFields { fields[key] = metadata.providedText(key) ?? "" }
        let present = ["vorname", "nachname", "email"].map { (key: $0, value: !(fields[$0] ?? "").isEmpty) }
        guard present.allSatisfy(\.value) else {
            throw .failed("Missing required fields. Got: "
                + present.map { "\($0.key)=\($0.value ? "True" : "False")" }.joined(separator: ", "))
        }
        self.fields = fields
        supportEmail = payload.providedText("support_email") ?? Self.defaultSupportEmail
        source = payload.providedText("source") ?? Self.defaultSource
        environment = document.object["environment"].flatMap { $0.isNull ? nil : $0.pythonText } ?? "unknown"
    }

    var subject: String { "[Kontaktformular] Anfrage von \(fields["vorname"] ?? "") \(fields["nachname"] ?? "")" }

    func context() -> [String: TemplateValue] {
        var context: [String: TemplateValue] = ["subject": .string(subject), "source": .string(source),
                                                "environment": .string(environment)]
        for (key, value) in fields { context[key] = .string(value) }
        return context
    }

    /// The plain text sent when the template cannot be rendered.
    var fallback: String {
        let lines = ["Neue Nachricht über das Kontaktformular", "",
                     "Name: \(fields["vorname"] ?? "") \(fields["nachname"] ?? "")", "E-Mail: \(fields["email"] ?? "")",
                     "Telefon: \(fields["telefon"] ?? "")", "", "Nachricht:", fields["nachricht"] ?? "", "",
                     "Zeitpunkt: \(fields["form_submitted_at"] ?? ""), Quelle: \(source), Umgebung: \(environment)"]
        return lines.joined(separator: "\n")
    }
}
