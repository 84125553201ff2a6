/// A database failure with a closed set of codes. `description` is generic on purpose (no
/// SQL, no parameters, no server message: they may contain health data); the server's text
/// is only in `debugDescription`, for local debugging.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, as callers need to tell it apart.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// 23505: a unique constraint was violated.
        case uniqueViolation
        /// 23503: a foreign key was violated.
        case foreignKeyViolation
        /// 23514: a check constraint was violated.
        case checkViolation
        /// 23502: NULL in a NOT NULL column.
        case notNullViolation
        /// 40001: retry the transaction.
        case serializationFailure
        /// 40P01: retry the transaction.
        case deadlock
        /// 57014: statement timeout or cancellation.
        case queryCanceled
        /// No connection could be had (server down, pool exhausted, pool closed): fails fast.
        case unavailable
        /// The connection broke during the statement; it may or may not have run.
        case connectionLost
        /// SQLSTATE class 42: syntax error or access rule violation (a programming error).
        case syntax
        /// Anything else.
        case other
    }

    /// The code.
    public let code: Code
    /// The five-character SQLSTATE from the server, when there is one.
    public let sqlState: String?
    /// The server's or libpq's message; only shown by `debugDescription`.
    let detail: String

    /// An error with `code`, optional `sqlState` and a detail for `debugDescription` only.
    public init(_ code: Code, sqlState: String? = nil, detail: String = "") {
        (self.code, self.sqlState, self.detail) = (code, sqlState, detail)
    }

    /// An error from a server SQLSTATE.
    init(sqlState: String, detail: String) {
        self.init(Self.code(for: sqlState), sqlState: sqlState, detail: detail)
    }

    /// Generic text, e.g. `database error: uniqueViolation (SQLSTATE 23505)`.
    public var description: String {
        "database error: \(code.rawValue)" + (sqlState.map { " (SQLSTATE \($0))" } ?? "")
    }

    /// `description` plus the server's message. May contain data: never log it in production.
    public var debugDescription: String { detail.isEmpty ? description : description + ": " + detail }

    static func code(for sqlState: String) -> Code {
        switch sqlState {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "23514": .checkViolation
        case "23502": .notNullViolation
        case "40001": .serializationFailure
        case "40P01": .deadlock
        case "57014": .queryCanceled
        case "57P01", "57P02": .connectionLost
        case "57P03", "53300": .unavailable
        default:
            if sqlState.hasPrefix("08") { .connectionLost }
            else if sqlState.hasPrefix("42") { .syntax }
            else { .other }
        }
    }
}

extension PostgresError {
    /// Whether trying the same work again later may succeed: the database was unreachable or
    /// busy, the connection broke, or the transaction lost a conflict. Constraint violations and
    /// programming errors are permanent.
    public var isTransient: Bool {
        switch code {
        case .unavailable, .connectionLost, .queryCanceled, .serializationFailure, .deadlock: true
        case .uniqueViolation, .foreignKeyViolation, .checkViolation, .notNullViolation, .syntax, .other: false
        }
    }
}
