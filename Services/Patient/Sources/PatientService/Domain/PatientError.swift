/// What can go wrong with a patient request. Messages are the spec's exact texts and never
/// contain stored personal data.
public enum PatientError: Error, Sendable, Equatable {
    /// No patient with that id.
    case notFound
    /// A validation failure with the exact message (400 `{"message": "…"}`).
    case invalid(String)
    /// A parser-level type error on update (400 `{"message": {"<field>": "<text>"}}`).
    case invalidField(field: String, text: String)
    /// Deletion refused: the matching service holds `count` searches for the patient.
    case hasSearches(count: Int)
    /// The matching service could not confirm that no search exists.
    case searchCheckUnavailable(String)
    /// The communication service could not be asked for the history.
    case communicationUnavailable(String)
}
