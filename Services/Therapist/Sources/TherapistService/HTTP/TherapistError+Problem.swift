public import Shared

extension TherapistError: ProblemConvertible {
    /// The spec's status and message for each error (therapist.md §2).
    public var problem: Problem {
        switch self {
        case .notFound:
            Problem(.notFound, "Therapist not found", code: "therapist.not_found")
        case .invalid(let message):
            Problem(.badRequest, message, code: "therapist.invalid")
        case .invalidField(let field, let text):
            Problem(.badRequest, fieldMessages: [.init(field, .string(text))], code: "therapist.invalid")
        case .hasInquiries:
            Problem(.conflict, "Cannot delete therapist: Therapeutenanfragen exist for this therapist. "
                        + "Please delete all related Therapeutenanfragen first.", code: "therapist.has_inquiries")
        case .communicationUnavailable(let message):
            Problem(.serviceUnavailable, message, code: "therapist.communication_unavailable")
        }
    }
}
