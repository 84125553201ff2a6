/// What can go wrong with a therapist request. Messages are the spec's exact texts and never
/// contain stored personal data.
public enum TherapistError: Error, Sendable, Equatable {
    /// No therapist with that id.
    case notFound
    /// A validation failure with the exact message (400 `{"message": "…"}`).
    case invalid(String)
    /// A parser-level type error on update (400 `{"message": {"<field>": "<text>"}}`).
    case invalidField(field: String, text: String)
    /// Deletion refused: the matching service holds inquiries for the therapist, or could not
    /// confirm that it holds none (409).
    case hasInquiries
    /// The communication service could not be asked for the history (503; the original: 500).
    case communicationUnavailable(String)
}
