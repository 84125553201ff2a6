internal import Shared

/// The request bodies of `POST /api/emails` (§2.2) and `PUT /api/emails/{id}` (§2.4): the
/// parser pass (required fields and JSON types, declaration order), then the spec's checks in
/// its order. Lengths follow the columns, so an over-long value is a 400, never a 500.
enum EmailInput {
    static let createSchema = InputSchema([
        InputField("therapist_id", .integer(0...Int(Int32.max))),
        InputField("patient_id", .integer(0...Int(Int32.max))),
        InputField("betreff", .text(maxLength: 255), requiredHelp: "Betreff is required"),
        InputField("inhalt_markdown", .text(maxLength: nil)),
        InputField("inhalt_html", .text(maxLength: nil)),
        InputField("inhalt_text", .text(maxLength: nil)),
        InputField("empfaenger_email", .text(maxLength: 255), requiredHelp: "Empfaenger email is required"),
        InputField("empfaenger_name", .text(maxLength: 255), requiredHelp: "Empfaenger name is required"),
        InputField("absender_email", .text(maxLength: 255)),
        InputField("absender_name", .text(maxLength: 255)),
        InputField("add_legal_footer", .bool),
        InputField("status", .text(maxLength: nil)),
        InputField("attachments", .array),
    ])

    static let updateSchema = InputSchema([
        InputField("status", .text(maxLength: nil)),
        InputField("antwort_erhalten", .bool),
        InputField("antwortdatum", .text(maxLength: nil)),
        InputField("antwortinhalt", .text(maxLength: nil)),
        InputField("fehlermeldung", .text(maxLength: nil)),
        InputField("attachments", .array),
    ])

    /// The validated values of `body` by field name.
    static func values(_ schema: InputSchema, _ body: JSONObject, mode: InputSchema.Mode) throws(EmailError) -> [String: InputValue] {
        do {
            var named: [String: InputValue] = [:]
            for (field, value) in try schema.values(from: body, mode: mode) { named[schema.fields[field].name] = value }
            return named
        } catch {
            switch error {
            case .invalid(let message): throw .invalid(message)
            case .invalidField(let field, let text): throw .invalidField(field: field, text: text)
            }
        }
    }

    /// `therapist_id` / `patient_id`: exactly one, 0 counting as absent.
    static func recipient(_ values: [String: InputValue]) throws(EmailError) -> EmailRecipient {
        let therapist = values["therapist_id"].flatMap(\.positiveInt), patient = values["patient_id"].flatMap(\.positiveInt)
        switch (therapist, patient) {
        case (nil, nil): throw .invalid("Either therapist_id or patient_id is required")
        case (_?, _?): throw .invalid("Cannot specify both therapist_id and patient_id")
        case (let id?, nil): return .therapist(id)
        case (nil, let id?): return .patient(id)
        }
    }

    /// The attachment paths: every entry must be a string (`Invalid attachment path: <value>`).
    static func attachments(_ value: InputValue?) throws(EmailError) -> [String]? {
        guard case .json(let json)? = value, let items = json.arrayValue else { return nil }
        var paths: [String] = []
        for item in items {
            guard let path = item.stringValue else { throw .invalid("Invalid attachment path: \(item.pythonText)") }
            paths.append(path)
        }
        return paths
    }

    /// `antwortdatum`: what Python's `datetime.fromisoformat` took (a date, a date-time with or
    /// without seconds), `Z` accepted; naive UTC otherwise.
    static func timestamp(_ text: String) throws(EmailError) -> UTCTimestamp {
        var candidate = text
        if candidate.utf8.count == 10 { candidate += "T00:00:00" }
        if candidate.utf8.count == 16 { candidate += ":00" }
        guard let timestamp = UTCTimestamp(iso8601: candidate) else {
            throw .invalid("Invalid datetime format for antwortdatum. Use ISO format")
        }
        return timestamp
    }
}

extension InputValue {
    /// The text of a text value.
    var text: String? { if case .text(let text) = self { text } else { nil } }
    /// The flag of a bool value.
    var flag: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    /// An int value above 0 (0 counts as absent, as in the original).
    var positiveInt: Int? { if case .int(let number) = self, number > 0 { number } else { nil } }
}
