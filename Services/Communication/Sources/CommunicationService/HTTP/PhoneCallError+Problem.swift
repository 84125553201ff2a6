internal import Shared

extension PhoneCallError: ProblemConvertible {
    /// The spec's status and message for each error (communication.md §3).
    var problem: Problem {
        switch self {
        case .notFound:
            Problem(.notFound, "Phone call not found", code: "phone_call.not_found")
        case .invalid(let message):
            Problem(.badRequest, message, code: "phone_call.invalid")
        case .invalidField(let field, let text):
            Problem(.badRequest, fieldMessages: [.init(field, .string(text))], code: "phone_call.invalid")
        case .noFreeSlot:
            // `message` per communication.md §3.3; `error` as well for clients of the
            // `{"status": "error", "error": …}` shape README §5.4 mentions for slot errors.
            Problem(.badRequest, "No available slots found for this therapist", code: "phone_call.no_free_slot",
                    extensions: [.init("error", .string("No available slots found for this therapist"))])
        }
    }
}
