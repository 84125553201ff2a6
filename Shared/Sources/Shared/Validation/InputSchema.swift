/// Turns a request body into validated values with the original APIs' order and messages
/// (patient.md §2.2/§2.4, therapist.md §2.2/§2.4): a parser pass (required fields, JSON types)
/// in declaration order, then a validation pass (vocabularies, dates, ranges, lengths) in the
/// same order. The first failure wins; unknown members are ignored.
public struct InputSchema: Sendable {
    /// Create (`POST`): required fields must be present and non-null; parser errors read
    /// `"<field>: <text>"`. Update (`PUT`): nothing is required; parser errors are per field.
    public enum Mode: Sendable { case create, update }

    /// The writable fields in declaration order.
    public let fields: [InputField]

    /// A schema over `fields` in declaration order.
    public init(_ fields: [InputField]) { self.fields = fields }

    /// Both passes.
    public func values(from body: JSONObject, mode: Mode) throws(InputError) -> [(field: Int, value: InputValue)] {
        try parse(body, mode: mode).validated()
    }

    /// The parser pass alone. An update runs it before the existence check and validates the
    /// values afterwards.
    public func parse(_ body: JSONObject, mode: Mode) throws(InputError) -> ParsedInput {
        var provided: [(field: Int, value: JSONValue)] = []
        for (index, field) in fields.enumerated() {
            let value = body[field.name] ?? .null
            if value.isNull {
                // A required field sent as null is reported like a missing one.
                if mode == .create, let help = field.requiredHelp { throw .invalid("\(field.name): \(help)") }
                continue
            }
            if let text = Self.typeProblem(field.kind, value) {
                throw mode == .create ? .invalid("\(field.name): \(text)") : .invalidField(field: field.name, text: text)
            }
            provided.append((index, value))
        }
        return ParsedInput(schema: self, provided: provided)
    }

    /// The parser's verdict on the JSON type (nil: acceptable).
    static func typeProblem(_ kind: InputField.Kind, _ value: JSONValue) -> String? {
        switch kind {
        case .text, .vocabulary:
            switch value { case .string, .number: nil; default: "Must be a string" }
        case .bool: value.boolValue == nil ? "Must be a boolean (true or false)" : nil
        case .integer: IntegerInput.problem(value)
        case .object: value.objectValue == nil ? "Must be a JSON object" : nil
        case .array: value.arrayValue == nil ? "Must be a JSON array" : nil
        case .date, .custom: nil
        }
    }
}

/// Fields that passed the parser, waiting for the validation pass.
public struct ParsedInput: Sendable {
    let schema: InputSchema
    let provided: [(field: Int, value: JSONValue)]

    /// The validation pass, in declaration order; the first failure wins. Fields that count as
    /// not provided (empty dates, empty optional vocabularies) are left out.
    public func validated() throws(InputError) -> [(field: Int, value: InputValue)] {
        var values: [(field: Int, value: InputValue)] = []
        for (index, json) in provided {
            if let value = try Self.validate(schema.fields[index], json) { values.append((index, value)) }
        }
        return values
    }

    static func validate(_ field: InputField, _ value: JSONValue) throws(InputError) -> InputValue? {
        let name = field.name
        switch field.kind {
        case .vocabulary(let accepted, let message, let emptyIsAbsent):
            let text = value.pythonText
            if text.isEmpty {
                if emptyIsAbsent { return nil }
                throw .invalid(field.requiredHelp ?? "\(name) is required")
            }
            guard let spelling = accepted.first(where: { $0 == text }) else { throw .invalid(message(text)) }
            return .text(spelling)
        case .text(let maxLength):
            let text = value.pythonText
            if let maxLength, text.unicodeScalars.count > maxLength {
                throw .invalid("\(name): must be at most \(maxLength) characters")
            }
            guard !text.utf8.contains(0) else { throw .invalid("\(name): must not contain NUL characters") }
            return .text(text)
        case .date:
            if value.stringValue == "" { return nil }
            guard let text = value.stringValue, let date = LocalDate(text) else {
                throw .invalid("Invalid date format for \(name). Use YYYY-MM-DD")
            }
            return .date(date)
        case .bool:
            return .bool(value.boolValue ?? false)
        case .integer(let range):
            guard let number = IntegerInput.value(value), range.contains(number) else {
                throw .invalid("\(name): must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return .int(number)
        case .custom(let problem):
            if let text = problem(value) { throw .invalid(text) }
            return .json(value)
        case .object, .array:
            if let problem = value.storageProblem { throw .invalid("\(name): \(problem)") }
            return .json(value)
        }
    }
}

/// Integers as the original's `type=int` parser took them: JSON integers and numeric strings.
enum IntegerInput {
    static func value(_ json: JSONValue) -> Int? {
        switch json {
        case .number(let text): Int(text)
        case .string(let text): Int(text.trimmingWhitespace())
        default: nil
        }
    }

    /// The parser's message: Python's text for strings, ours for other types.
    static func problem(_ json: JSONValue) -> String? {
        guard value(json) == nil else { return nil }
        switch json {
        case .string(let text): return "invalid literal for int() with base 10: '\(text)'"
        case .number(let text) where Double(text) != nil && !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }):
            return "Must be an integer within range"
        default: return "Must be an integer"
        }
    }
}
