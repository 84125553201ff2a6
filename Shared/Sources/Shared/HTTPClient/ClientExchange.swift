import Glibc

/// A validated request ready for the wire, plus what the exchange needs to run it.
struct ClientPreparedRequest: Sendable {
    /// Where to send it.
    let url: ClientURL
    /// The method (decides body-less responses and whether a stale retry is allowed).
    let method: HTTPMethod
    /// Head and body bytes.
    let bytes: [UInt8]
    /// Whether the request asked for `Connection: close`.
    let closeAfter: Bool
    /// The deadline for the whole request.
    let deadline: ClientDeadline

    /// Methods that may be replayed after a reused connection turned out to be stale.
    var isIdempotent: Bool { [.get, .head, .put, .delete, .options].contains(method) }
}

/// One request/response exchange, run synchronously on a client worker thread: picks or opens
/// a connection, writes the request, reads the response, then pools or closes the connection.
struct ClientExchange: Sendable {
    let request: ClientPreparedRequest
    let job: ClientRequestJob
    let pool: ClientConnectionPool
    let connectTimeout: Duration
    let maxResponseBytes: Int

    private var endpoint: String { request.url.endpoint }

    /// Runs the exchange. A reused connection that fails before any response byte arrives is
    /// replaced by a fresh one once, for idempotent methods only.
    func run() -> Result<HTTPClientResponse, HTTPClientError> {
        guard request.deadline.remainingMilliseconds() > 0 else {
            return .failure(HTTPClientError(.requestTimeout, endpoint: endpoint, detail: "deadline passed while queued"))
        }
        if let idle = checkoutQuietConnection() {
            switch attempt(on: idle) {
            case .success(let response): return .success(response)
            case .failure(let failure):
                guard failure.stale, request.isIdempotent else { return .failure(map(failure.io)) }
            }
        }
        switch connect() {
        case .failure(let error): return .failure(error)
        case .success(let socket): return attempt(on: socket).mapError { map($0.io) }
        }
    }

    private struct AttemptFailure: Error {
        let io: ClientIOFailure
        /// The peer closed the connection before sending a single byte of response.
        let stale: Bool
    }

    private func attempt(on socket: ClientSocket) -> Result<HTTPClientResponse, AttemptFailure> {
        guard job.register(socket) else {
            socket.close()
            return .failure(AttemptFailure(io: ClientIOFailure(kind: .closed, detail: "cancelled"), stale: false))
        }
        var buffer = ClientReadBuffer(socket: socket, deadline: request.deadline)
        do throws(ClientIOFailure) {
            try socket.send(request.bytes, deadline: request.deadline)
            let (response, reusable) = try ClientResponseReader.read(
                from: &buffer, method: request.method, limit: maxResponseBytes)
            if job.unregister(), reusable, !request.closeAfter, !buffer.hasBufferedBytes {
                pool.checkin(socket, endpoint: endpoint)
            } else {
                socket.close()
            }
            return .success(response)
        } catch {
            _ = job.unregister()
            socket.close()
            let stale = error.kind == .closed && buffer.totalReceived == 0 && !job.isCancelled
            return .failure(AttemptFailure(io: error, stale: stale))
        }
    }

    /// The newest idle connection that shows no pending EOF or stray bytes.
    private func checkoutQuietConnection() -> ClientSocket? {
        while let socket = pool.checkout(endpoint) {
            if socket.isQuietAndOpen() { return socket }
            socket.close()
        }
        return nil
    }

    private func connect() -> Result<ClientSocket, HTTPClientError> {
        let remaining = request.deadline.remainingMilliseconds()
        guard remaining > 0 else {
            return .failure(HTTPClientError(.requestTimeout, endpoint: endpoint, detail: "deadline passed before connect"))
        }
        let limit = ClientDeadline.milliseconds(connectTimeout)
        let url = request.url
        switch ClientSocket.connect(host: url.host, port: url.port, timeoutMilliseconds: min(limit, remaining)) {
        case .success(let socket): return .success(socket)
        case .failure(let failure) where failure.code == ETIMEDOUT:
            return .failure(remaining < limit
                ? HTTPClientError(.requestTimeout, endpoint: endpoint, detail: "deadline passed while connecting")
                : HTTPClientError(.connectTimeout, endpoint: endpoint, detail: "connect timed out"))
        case .failure(let failure):
            return .failure(HTTPClientError(.connectFailed, endpoint: endpoint, detail: Self.connectDetail(failure.code)))
        }
    }

    private static func connectDetail(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case EHOSTUNREACH: "host unreachable or unresolvable"
        case ENETUNREACH: "network unreachable"
        default: "connect failed (errno \(code))"
        }
    }

    private func map(_ failure: ClientIOFailure) -> HTTPClientError {
        let code: HTTPClientError.Code = switch failure.kind {
        case .closed: .connectionClosed
        case .timeout: .requestTimeout
        case .malformed: .malformedResponse
        case .tooLarge: .responseTooLarge
        }
        return HTTPClientError(job.isCancelled ? .cancelled : code, endpoint: endpoint, detail: failure.detail)
    }
}
