/// What can go wrong with an email request. Messages are the spec's exact texts and never
/// contain stored personal data.
enum EmailError: Error, Sendable, Equatable {
    /// No email with that id (404 `Email not found`).
    case notFound
    /// A validation failure with the exact message (400 `{"message": "…"}`).
    case invalid(String)
    /// A parser-level type error on update (400 `{"message": {"<field>": "<text>"}}`).
    case invalidField(field: String, text: String)
}
