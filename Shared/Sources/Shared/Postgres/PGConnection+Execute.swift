#if canImport(Glibc)
import Glibc
#endif
internal import CLibPQ

/// The rows and affected-row count of one statement, copied out of the PGresult.
struct PGQueryResult: Sendable {
    var rows: [PostgresRow]
    var affectedRows: Int
}

extension PGConnection {
    /// Runs `sql` as one unnamed statement (`PQsendQueryParams`: the same single
    /// Parse/Bind/Execute/Sync round trip as `PQexecParams`, so it is PgBouncer-safe) with
    /// text parameters and results. If it has not finished after `timeout` it is cancelled
    /// (`.queryCanceled`); a server that does not answer the cancel within `grace` poisons
    /// the connection (`.connectionLost`). Runs on the worker only.
    @available(*, noasync, message: "Blocks the thread; go through PostgresPool")
    func execute(_ sql: SQL, timeout: Duration, grace: Duration = .seconds(2)) throws(PostgresError) -> PGQueryResult {
        guard isUsable else { throw lost("connection not usable") }
        let handle = connectionHandle
        let owned = sql.parameters.map { $0.flatMap { strdup($0) } }
        defer { owned.forEach { free($0) } }
        let values: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } }
        guard PQsendQueryParams(handle, sql.text, Int32(values.count), nil, values, nil, nil, 0) == 1 else {
            throw lost()
        }
        try waitForResult(deadline: MonotonicClock.nanoseconds() + Self.nanoseconds(timeout), grace: grace)
        var outcome: Result<PGQueryResult, PostgresError>?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if outcome == nil { outcome = Self.convert(result) }
        }
        guard let outcome else { throw lost("no result") }
        if case .failure(let error) = outcome, error.code == .connectionLost || !isUsable { poison() }
        return try outcome.get()
    }

    /// Reads until libpq has the complete result, cancelling once at `deadline`.
    @available(*, noasync)
    func waitForResult(deadline: UInt64, grace: Duration) throws(PostgresError) {
        let handle = connectionHandle
        var limit = deadline, cancelled = false
        while PQisBusy(handle) == 1 {
            let now = MonotonicClock.nanoseconds()
            if now >= limit {
                guard !cancelled else { throw lost("no answer after cancel") }
                cancel()
                cancelled = true
                limit = now + Self.nanoseconds(grace)
                continue
            }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let millis = Int32(clamping: (limit - now + 999_999) / 1_000_000)
            let ready = poll(&descriptor, 1, millis)
            if ready < 0, errno != EINTR { throw lost("poll failed") }
            if ready > 0, PQconsumeInput(handle) == 0 { throw lost() }
        }
    }

    private static func convert(_ result: OpaquePointer) -> Result<PGQueryResult, PostgresError> {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            let fieldCount = Int(PQnfields(result)), rowCount = Int(PQntuples(result))
            let columns = PostgresColumns(names: (0..<fieldCount).map { String(cString: PQfname(result, Int32($0))) })
            var rows: [PostgresRow] = []
            rows.reserveCapacity(rowCount)
            for row in 0..<Int32(rowCount) {
                let values = (0..<Int32(fieldCount)).map { field -> String? in
                    PQgetisnull(result, row, field) == 1 ? nil : String(cString: PQgetvalue(result, row, field))
                }
                rows.append(PostgresRow(columns: columns, values: values))
            }
            let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
            return .success(PGQueryResult(rows: rows, affectedRows: affected))
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(result))
            guard let state else { return .failure(PostgresError(.connectionLost, detail: message)) }
            return .failure(PostgresError(sqlState: state, detail: message))
        }
    }

    @available(*, noasync)
    private func lost(_ reason: String? = nil) -> PostgresError {
        poison()
        return PostgresError(.connectionLost, detail: reason ?? String(cString: PQerrorMessage(connectionHandle)))
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
