/// The default HTTP answer for a database error a handler did not map itself: constraint
/// violations become client errors (409/400) instead of 500, an unreachable or timed-out
/// database becomes 503 so callers retry; programming errors stay a generic 500. Messages
/// never contain SQL, parameters or server text.
extension PostgresError: ProblemConvertible {
    /// The problem answered for this error.
    public var problem: Problem {
        switch code {
        case .uniqueViolation:
            Problem(.conflict, "A record with these values already exists", code: "database.unique_violation")
        case .foreignKeyViolation:
            Problem(.conflict, "A referenced record does not exist or is still referenced", code: "database.foreign_key_violation")
        case .checkViolation:
            Problem(.badRequest, "A value is outside the allowed range", code: "database.check_violation")
        case .notNullViolation:
            Problem(.badRequest, "A required value is missing", code: "database.not_null_violation")
        case .serializationFailure, .deadlock:
            Problem(.conflict, "A concurrent change conflicted with this request; retry it", code: "database.conflict")
        case .queryCanceled:
            Problem(.serviceUnavailable, "The database did not answer in time; retry later", code: "database.timeout")
        case .unavailable, .connectionLost:
            Problem(.serviceUnavailable, "The database is unavailable; retry later", code: "database.unavailable")
        case .syntax, .other:
            Problem(.internalServerError, "Internal Server Error")
        }
    }
}
