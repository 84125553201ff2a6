internal import Shared

extension MatchingError: ProblemConvertible {
    /// The spec's status and message for each error (matching.md §3–§6).
    var problem: Problem {
        switch self {
        case .searchNotFound(let id): Problem(.notFound, "Patient search \(id) not found", code: "matching.not_found")
        case .anfrageNotFound(let id): Problem(.notFound, "Anfrage \(id) not found", code: "matching.not_found")
        case .patientNotFound(let id): Problem(.notFound, "Patient \(id) not found", code: "matching.not_found")
        case .invalid(let message, let extensions): Problem(.badRequest, message, code: "matching.invalid", extensions: extensions)
        case .missingParameter(let field, let text): Problem(.badRequest, fieldMessages: [.init(field, .string(text))], code: "matching.invalid")
        case .peer(let error):
            Problem(error.kind == .unreachable ? .serviceUnavailable : .badGateway, error.description, code: error.kind == .unreachable ? "matching.peer_unavailable" : "matching.peer_bad_answer")
        case .sendFailed(let reason): Problem(.internalServerError, "Failed to send anfrage: \(reason)", code: "matching.send_failed")
        }
    }
}

/// Runs a handler, presenting a peer failure as the 502/503 problem that names the peer.
func peerAware(_ body: () async throws -> Response) async throws -> Response {
    do { return try await body() } catch let error as PeerError { throw MatchingError.peer(error) }
}
