public import Shared

/// Turns a request body into validated `PatientChanges` with the original API's order and
/// messages (patient.md §2.2 and §2.4): a parser pass (required fields, JSON types) in
/// declaration order, then a validation pass (vocabularies, dates, symptoms, lengths) in the
/// same order. The first failure wins; nothing is applied when anything fails.
public enum PatientInput {
    /// Create (`POST`): the four required fields must be present and non-null; parser errors
    /// read `"<field>: <text>"`. Update (`PUT`): nothing is required; parser errors are
    /// reported per field.
    public enum Mode: Sendable { case create, update }

    /// Validates `body` for `mode`. Unknown members and read-only fields are ignored.
    public static func changes(from body: JSONObject, mode: Mode) throws(PatientError) -> PatientChanges {
        try parse(body, mode: mode).validated()
    }

    /// The parser pass alone: required fields and JSON types. An update runs it before the
    /// existence check and validates the values afterwards (patient.md §2.4).
    public static func parse(_ body: JSONObject, mode: Mode) throws(PatientError) -> Parsed {
        var provided: [(field: PatientField, value: JSONValue)] = []
        for field in PatientField.allCases {
            let value = body[field.rawValue] ?? .null
            if value.isNull {
                // Fixed defect: a required field sent as null is reported like a missing one (not a 500).
                if mode == .create, let help = PatientField.required.first(where: { $0.field == field })?.help {
                    throw .invalid("\(field.rawValue): \(help)")
                }
                continue
            }
            if let text = typeProblem(field, value) {
                throw mode == .create ? .invalid("\(field.rawValue): \(text)") : .invalidField(field: field.rawValue, text: text)
            }
            provided.append((field, value))
        }
        return Parsed(provided: provided)
    }

    /// Fields that passed the parser, waiting for the validation pass.
    public struct Parsed: Sendable {
        let provided: [(field: PatientField, value: JSONValue)]

        /// The validation pass, in declaration order; the first failure wins.
        public func validated() throws(PatientError) -> PatientChanges {
            var changes = PatientChanges()
            for (field, value) in provided {
                if let validated = try PatientInput.validate(field, value) { changes.set(field, validated) }
            }
            return changes
        }
    }

    /// The parser's verdict on the JSON type (nil: acceptable).
    static func typeProblem(_ field: PatientField, _ value: JSONValue) -> String? {
        switch field.kind {
        case .text, .vocabulary:
            switch value { case .string, .number: nil; default: "Must be a string" }
        case .bool: value.boolValue == nil ? "Must be a boolean (true or false)" : nil
        case .object: value.objectValue == nil ? "Must be a JSON object" : nil
        case .array: value.arrayValue == nil ? "Must be a JSON array" : nil
        case .date, .symptoms: nil
        }
    }

    /// The validated value, nil when the field counts as not provided (empty vocabulary or date).
    static func validate(_ field: PatientField, _ value: JSONValue) throws(PatientError) -> FieldValue? {
        let name = field.rawValue
        switch field.kind {
        case .vocabulary(let emptyIsAbsent):
            let text = value.pythonText
            if text.isEmpty {
                if emptyIsAbsent { return nil }
                throw .invalid(PatientField.required.first { $0.field == field }?.help ?? "\(name) is required")
            }
            guard vocabularyAccepts(field, text) else { throw .invalid(vocabularyMessage(field, text)) }
            return .text(text)
        case .text(let maxLength):
            let text = value.pythonText
            if let maxLength, text.unicodeScalars.count > maxLength {
                throw .invalid("\(name): must be at most \(maxLength) characters")
            }
            guard !text.utf8.contains(0) else { throw .invalid("\(name): must not contain NUL characters") }
            return .text(text)
        case .date:
            if value.stringValue == "" { return nil }
            guard let text = value.stringValue, let date = LocalDate(text), date.year >= 1 else {
                throw .invalid("Invalid date format for \(name). Use YYYY-MM-DD")
            }
            return .date(date)
        case .bool:
            return .bool(value.boolValue ?? false)
        case .symptoms:
            if let problem = Symptom.problem(with: value) { throw .invalid(problem) }
            return .json(value)
        case .object, .array:
            if let problem = value.storageProblem { throw .invalid("\(name): \(problem)") }
            return .json(value)
        }
    }

    static func vocabularyAccepts(_ field: PatientField, _ text: String) -> Bool {
        switch field {
        case .anrede: Anrede(rawValue: text) != nil
        case .geschlecht: Geschlecht(rawValue: text) != nil
        case .status: Patientenstatus(rawValue: text) != nil
        case .bevorzugtesTherapeutengeschlecht: Therapeutgeschlechtspraeferenz(rawValue: text) != nil
        default: Therapieverfahren(rawValue: text) != nil
        }
    }

    static func vocabularyMessage(_ field: PatientField, _ text: String) -> String {
        switch field {
        case .anrede: Anrede.invalidMessage(text)
        case .geschlecht: Geschlecht.invalidMessage(text)
        case .status: Patientenstatus.invalidMessage(text)
        case .bevorzugtesTherapeutengeschlecht: Therapeutgeschlechtspraeferenz.invalidMessage(text)
        default: Therapieverfahren.invalidMessage(text)
        }
    }
}
