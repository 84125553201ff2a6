#if canImport(Glibc)
import Glibc
#endif
internal import CLibPQ

extension PGConnection {
    /// Runs `script` with the simple query protocol (`PQsendQuery`), so it may hold several
    /// `;`-separated statements. No parameters exist here: this is only for migration file
    /// bodies, which are trusted SQL from the repository. Every other statement goes through
    /// the parameterised `execute`. Throws the first failing statement's error after draining
    /// all results; the same timeout/cancel rules as `execute` apply. Runs on the worker only.
    @available(*, noasync, message: "Blocks the thread; runs on the connection's worker")
    func executeScript(_ script: String, timeout: Duration, grace: Duration = .seconds(2)) throws(PostgresError) {
        guard isUsable else { throw scriptLost("connection not usable") }
        let handle = connectionHandle
        guard PQsendQuery(handle, script) == 1 else { throw scriptLost(nil) }
        let deadline = MonotonicClock.nanoseconds() + Self.nanoseconds(timeout)
        var failure: PostgresError?
        // One result per statement: wait (bounded) before each, so no PQgetResult blocks.
        while true {
            try waitForResult(deadline: deadline, grace: grace)
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            guard failure == nil else { continue }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                continue
            default:
                let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
                let message = String(cString: PQresultErrorMessage(result))
                failure = state.map { PostgresError(sqlState: $0, detail: message) }
                    ?? PostgresError(.connectionLost, detail: message)
            }
        }
        if let failure {
            if failure.code == .connectionLost || !isUsable { poison() }
            throw failure
        }
    }

    @available(*, noasync)
    private func scriptLost(_ reason: String?) -> PostgresError {
        poison()
        return PostgresError(.connectionLost, detail: reason ?? String(cString: PQerrorMessage(connectionHandle)))
    }
}
