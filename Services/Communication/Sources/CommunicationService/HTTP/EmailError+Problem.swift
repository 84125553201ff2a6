internal import Shared

extension EmailError: ProblemConvertible {
    /// The spec's status and message for each error (communication.md §2).
    var problem: Problem {
        switch self {
        case .notFound: Problem(.notFound, "Email not found", code: "email.not_found")
        case .invalid(let message): Problem(.badRequest, message, code: "email.invalid")
        case .invalidField(let field, let text):
            Problem(.badRequest, fieldMessages: [.init(field, .string(text))], code: "email.invalid")
        }
    }
}
