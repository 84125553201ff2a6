public import Shared

extension PatientError: ProblemConvertible {
    /// The spec's status and message for each error (patient.md §2).
    public var problem: Problem {
        switch self {
        case .notFound:
            Problem(.notFound, "Patient not found", code: "patient.not_found")
        case .invalid(let message):
            Problem(.badRequest, message, code: "patient.invalid")
        case .invalidField(let field, let text):
            Problem(.badRequest, fieldMessages: [.init(field, .string(text))], code: "patient.invalid")
        case .hasSearches(let count):
            Problem(.badRequest, "Cannot delete patient: Active search exists. Please delete the search first.",
                    code: "patient.has_searches", extensions: [.init("existing_searches", .int(count))])
        case .searchCheckUnavailable(let message):
            Problem(.serviceUnavailable, message, code: "patient.search_check_unavailable")
        case .communicationUnavailable(let message):
            Problem(.serviceUnavailable, message, code: "patient.communication_unavailable")
        }
    }
}
