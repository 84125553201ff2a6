#if canImport(Glibc)
import Glibc
#endif
internal import CSystem

extension EventLoop {
    /// A handler's response arrived; drop it if its connection is gone (token mismatch).
    func complete(_ token: UInt64, _ response: Response) {
        let fd = Int(UInt32(truncatingIfNeeded: token))
        guard fd < connections.count, let connection = connections[fd], connection.token == token,
              connection.inFlight else { return }
        deliver(connection, response, forceClose: false)
    }

    /// Writes the response of the request in flight and decides whether the connection stays open.
    func deliver(_ connection: Connection, _ response: Response, forceClose: Bool) {
        connection.inFlight = false
        connection.requestsServed += 1
        let close = forceClose || !connection.keepAlive || draining || connection.readClosed
            || connection.requestsServed >= limits.maxRequestsPerConnection
        // HTTP/1.0 keeps a connection only when the response confirms it (RFC 9112 §9.3, C.2.2).
        ResponseEncoder.encode(response, headOnly: connection.headOnly, close: close,
                               keepAlive: !close && connection.minorVersion == 0, date: date.headerLine,
                               into: &connection.output)
        // Both describe the request just answered; an error or 408 for the next one must not inherit them.
        connection.headOnly = false
        connection.minorVersion = 1
        if close { connection.closeAfterWrite = true }
        flush(connection)
    }

    /// Sends pending output; on EAGAIN waits for EPOLLOUT under the write deadline.
    func flush(_ connection: Connection) {
        while connection.outputIndex < connection.output.count {
            let sent = connection.output.withUnsafeBytes { bytes in
                csys_send(connection.fd, bytes.baseAddress! + connection.outputIndex, bytes.count - connection.outputIndex)
            }
            if sent > 0 { connection.outputIndex += sent; continue }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                connection.setDeadline(.write, at: now + limits.writeTimeout.nanoseconds)
                return
            }
            close(connection)
            return
        }
        connection.output.removeAll(keepingCapacity: true)
        connection.outputIndex = 0
        if connection.deadlineKind == .write { connection.setDeadline(.none, at: 0) }
        if !connection.inFlight { resume(connection) }
    }

    /// All output is written and nothing is in flight: close, or carry on with the next request.
    private func resume(_ connection: Connection) {
        if connection.closeAfterWrite { linger(connection); return }
        if connection.decoder.isMidRequest {
            if connection.deadlineKind == .none { connection.setDeadline(.header, at: now + limits.headerTimeout.nanoseconds) }
        } else {
            connection.setDeadline(.idle, at: now + limits.idleTimeout.nanoseconds)
        }
        process(connection)
        if connection.pendingRead && !connection.inFlight && !connection.isClosed {
            connection.pendingRead = false
            readable(connection, hangup: true)
        }
        if connection.readClosed && connection.isIdle && !connection.isClosed { close(connection) }
    }

    /// Half-closes after a final response and discards what the peer still sends, so the
    /// response is not destroyed by a reset (a lingering close, as nginx does).
    private func linger(_ connection: Connection) {
        guard !connection.lingering else { return }
        connection.lingering = true
        if connection.readClosed { close(connection); return }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.setDeadline(.linger, at: now + min(limits.idleTimeout.nanoseconds, 2_000_000_000))
        readable(connection, hangup: true)
    }

    func close(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        Glibc.close(connection.fd)
        connections[Int(connection.fd)] = nil
        openCount -= 1
        responder.metrics.connections.set(Double(openCount))
        if draining && openCount == 0 { drained.fire() }
    }

    /// Enforces deadlines: idle/write/linger → close; header/body → 408 and close.
    func sweep() {
        nextSweep = now + limits.sweepIntervalNanos
        if acceptPaused && !draining && listenFD >= 0 {
            acceptPaused = csys_epoll_add(epollFD, listenFD, Epoll.input, Self.listenerToken) != 0
        }
        for case let connection? in connections where connection.deadline != 0 && now >= connection.deadline {
            switch connection.deadlineKind {
            case .header, .body:
                guard !connection.inFlight else { continue }
                connection.inFlight = true
                responder.metrics.rejected(status: 408)
                deliver(connection, Problem(.requestTimeout, "Request timeout").response, forceClose: true)
            case .none: break
            case .idle, .write, .linger: close(connection)
            }
        }
    }

    /// Graceful shutdown: refuse new connections, close idle ones, finish the rest with `Connection: close`.
    func beginDrain() {
        guard !draining else { return }
        draining = true
        if listenFD >= 0 { Glibc.close(listenFD); listenFD = -1 }
        for case let connection? in connections where connection.isIdle { close(connection) }
        drainStarted.fire()
        if openCount == 0 { drained.fire() }
    }
}
