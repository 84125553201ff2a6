#if canImport(Glibc)
import Glibc
#endif
internal import CSystem

extension EventLoop {
    func acceptConnections() {
        var peer = [CChar](repeating: 0, count: 64)
        while !draining {
            let fd = peer.withUnsafeMutableBufferPointer { csys_accept(listenFD, $0.baseAddress, 64) }
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    // Out of descriptors: stop polling the listener until the next sweep, or it spins.
                    logger.warning("accept paused: out of file descriptors", ["errno": String(errno)])
                    _ = csys_epoll_del(epollFD, listenFD)
                    acceptPaused = true
                }
                return
            }
            guard openCount < limits.maxConnections else {
                _ = Self.overloaded.withUnsafeBytes { csys_send(fd, $0.baseAddress, $0.count) }
                Glibc.close(fd)
                responder.metrics.rejected(status: 503)
                continue
            }
            _ = csys_set_nodelay(fd)
            generation &+= 1
            let address = peer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let connection = Connection(fd: fd, generation: generation, remoteAddress: address, limits: limits)
            let interest = Epoll.input | Epoll.output | Epoll.readHangup | Epoll.edgeTriggered
            guard csys_epoll_add(epollFD, fd, interest, connection.token) == 0 else { Glibc.close(fd); continue }
            if connections.count <= Int(fd) { connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 64 - connections.count)) }
            connections[Int(fd)] = connection
            openCount += 1
            responder.metrics.connections.set(Double(openCount))
            connection.setDeadline(.idle, at: now + limits.idleTimeout.nanoseconds)
        }
    }

    /// Reads what the socket has (edge-triggered: until EAGAIN, or until a short read when the
    /// peer has not hung up), feeding the decoder as it goes.
    func readable(_ connection: Connection, hangup: Bool) {
        let readCap = limits.maxHeaderBytes + scratch.count
        while !connection.isClosed {
            if connection.inFlight && connection.decoder.bufferedCount >= readCap { connection.pendingRead = true; return }
            let count = read(connection.fd, scratch.baseAddress, scratch.count)
            if count > 0 {
                if connection.lingering { continue }
                connection.decoder.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                switch connection.deadlineKind {
                case .idle: connection.setDeadline(.header, at: now + limits.headerTimeout.nanoseconds)
                case .body: refreshBodyDeadline(connection)
                default: break
                }
                if !connection.inFlight && !connection.hasPendingOutput { process(connection) }
                if count < scratch.count && !hangup { return }
            } else if count == 0 {
                peerClosed(connection)
                return
            } else if errno == EINTR {
                continue
            } else {
                if errno != EAGAIN && errno != EWOULDBLOCK { close(connection) }
                return
            }
        }
    }

    /// Decodes buffered bytes while no request is in flight: dispatches the next request, writes
    /// interim and error responses, and keeps the deadlines in step with the request's phase.
    func process(_ connection: Connection) {
        while !connection.inFlight && !connection.closeAfterWrite && !connection.isClosed {
            let event = connection.decoder.next { head in
                let (match, limit) = responder.route(head)
                connection.match = match
                connection.bodyStartedAt = now
                connection.setDeadline(.body, at: now + limits.bodyTimeout.nanoseconds)
                return limit
            }
            switch event {
            case .needMore:
                if connection.decoder.isMidRequest && connection.deadlineKind == .idle {
                    connection.setDeadline(.header, at: now + limits.headerTimeout.nanoseconds)
                }
                return
            case .sendContinue:
                connection.output.append(contentsOf: ResponseEncoder.continueResponse)
                flush(connection)
            case .request(let head, let body):
                connection.inFlight = true
                connection.keepAlive = head.keepAlive
                connection.headOnly = head.method == .head
                connection.minorVersion = head.minorVersion
                connection.setDeadline(.none, at: 0)
                do {
                    let request = try Request(method: head.method, target: head.target, minorVersion: head.minorVersion,
                                              headers: head.headers, body: body, remoteAddress: connection.remoteAddress)
                    batch.append((connection.token, request, connection.match))
                } catch {
                    deliver(connection, error.response, forceClose: false)
                }
            case .failure(let error):
                connection.inFlight = true
                responder.metrics.rejected(status: error.status.code)
                logger.debug("request rejected", ["http.status": String(error.status.code), "reason": error.message])
                deliver(connection, Problem(error.status, error.message).response, forceClose: true)
            }
        }
    }

    func peerClosed(_ connection: Connection) {
        connection.readClosed = true
        if connection.lingering || (!connection.inFlight && !connection.hasPendingOutput) { close(connection) }
    }

    private func refreshBodyDeadline(_ connection: Connection) {
        let gap = now + limits.bodyTimeout.nanoseconds
        let total = connection.bodyStartedAt + limits.bodyTotalTimeout.nanoseconds
        connection.setDeadline(.body, at: min(gap, total))
    }

    /// The canned answer to a connection over the cap (no Date header: it is built once).
    static let overloaded: [UInt8] = {
        var out: [UInt8] = []
        ResponseEncoder.encode(Problem(.serviceUnavailable, "Too many connections").response,
                               headOnly: false, close: true, date: [], into: &out)
        return out
    }()
}
