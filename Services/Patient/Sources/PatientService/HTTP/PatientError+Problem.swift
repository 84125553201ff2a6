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
        case .malformedBody(let message):
            Problem(.badRequest, message, code: "request.malformed_body")
        case .hasSearches(let count):
            Problem(.badRequest, "Cannot delete patient: Active search exists. Please delete the search first.",
                    code: "patient.has_searches", extensions: [.init("existing_searches", .int(count))])
        case .searchCheckUnavailable(let message):
            Problem(.serviceUnavailable, message, code: "patient.search_check_unavailable")
        case .communicationUnavailable(let message):
            Problem(.internalServerError, message, code: "patient.communication_unavailable")
        }
    }
}

/// Reads a request body as a JSON object: an empty body is an empty object.
enum RequestBody {
    static func object(_ request: Request) throws(PatientError) -> JSONObject {
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return JSONObject() }
        let value: JSONValue
        do { value = try JSONParser.parse(request.body) } catch {
            throw .malformedBody("Invalid JSON body: \(error)")
        }
        guard let object = value.objectValue else { throw .malformedBody("Request body must be a JSON object") }
        return object
    }
}
