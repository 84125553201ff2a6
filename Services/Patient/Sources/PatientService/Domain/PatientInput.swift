public import Shared

/// Turns a request body into validated `PatientChanges` with the original API's order and
/// messages (patient.md §2.2 and §2.4), through the shared `InputSchema`: a parser pass
/// (required fields, JSON types) in declaration order, then a validation pass (vocabularies,
/// dates, symptoms, lengths) in the same order. The first failure wins; nothing is applied
/// when anything fails.
public enum PatientInput {
    /// Create (`POST`) or update (`PUT`).
    public typealias Mode = InputSchema.Mode

    /// Validates `body` for `mode`. Unknown members and read-only fields are ignored.
    public static func changes(from body: JSONObject, mode: Mode) throws(PatientError) -> PatientChanges {
        try parse(body, mode: mode).validated()
    }

    /// The parser pass alone: required fields and JSON types. An update runs it before the
    /// existence check and validates the values afterwards (patient.md §2.4).
    public static func parse(_ body: JSONObject, mode: Mode) throws(PatientError) -> Parsed {
        do { return Parsed(input: try PatientField.schema.parse(body, mode: mode)) } catch { throw PatientError(error) }
    }

    /// Fields that passed the parser, waiting for the validation pass.
    public struct Parsed: Sendable {
        let input: ParsedInput

        /// The validation pass, in declaration order; the first failure wins.
        public func validated() throws(PatientError) -> PatientChanges {
            do {
                return PatientChanges(values: try input.validated().map { (PatientField.allCases[$0.field], $0.value) })
            } catch { throw PatientError(error) }
        }
    }
}

extension PatientError {
    init(_ error: InputError) {
        switch error {
        case .invalid(let text): self = .invalid(text)
        case .invalidField(let field, let text): self = .invalidField(field: field, text: text)
        }
    }
}
