/// What can go wrong with a phone-call request. Messages are the spec's exact texts
/// (communication.md §3) and never contain stored data.
enum PhoneCallError: Error, Sendable, Equatable {
    /// No call with that id: 404 `Phone call not found`.
    case notFound
    /// A validation failure with the exact message (400 `{"message": "…"}`).
    case invalid(String)
    /// A parser-level type error (400 `{"message": {"<field>": "<text>"}}`).
    case invalidField(field: String, text: String)
    /// Neither 10:00 nor 14:00 is free on the candidate day (400
    /// `No available slots found for this therapist`).
    case noFreeSlot
}
