import Glibc
internal import CSystem

/// A connected TCP socket in non-blocking mode. Every wait is a `poll(2)` bounded by the
/// request deadline. Only ever used from the client's own worker threads.
struct ClientSocket: Sendable {
    /// The file descriptor.
    let fd: Int32

    /// A failed connect's `errno` (`ETIMEDOUT` for a timeout).
    struct ConnectFailure: Error {
        /// The `errno` value.
        let code: Int32
    }

    /// Connects with `timeoutMilliseconds` (the fd is then switched to non-blocking mode).
    static func connect(host: String, port: Int, timeoutMilliseconds: Int32) -> Result<ClientSocket, ConnectFailure> {
        let fd = csys_connect_tcp(host, Int32(port), timeoutMilliseconds)
        guard fd >= 0 else { return .failure(ConnectFailure(code: errno)) }
        guard csys_set_nonblocking(fd, 1) == 0 else {
            let saved = errno
            Glibc.close(fd)
            return .failure(ConnectFailure(code: saved))
        }
        return .success(ClientSocket(fd: fd))
    }

    /// Writes all of `bytes` before the deadline.
    func send(_ bytes: [UInt8], deadline: ClientDeadline) throws(ClientIOFailure) {
        var offset = 0
        while offset < bytes.count {
            try wait(forWrite: true, deadline: deadline)
            let sent = bytes.withUnsafeBytes { raw in
                csys_send(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { continue }
            throw ClientIOFailure(kind: .closed, detail: code == EPIPE || code == ECONNRESET
                ? "connection closed by peer while sending" : "send failed (errno \(code))")
        }
    }

    /// Reads at most `count` bytes into `buffer` before the deadline: the byte count, or 0 at
    /// end of stream.
    func receive(into buffer: UnsafeMutableRawPointer, count: Int, deadline: ClientDeadline) -> Result<Int, ClientIOFailure> {
        while true {
            do throws(ClientIOFailure) {
                try wait(forWrite: false, deadline: deadline)
            } catch {
                return .failure(error)
            }
            let received = Glibc.read(fd, buffer, count)
            if received >= 0 { return .success(received) }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { continue }
            return .failure(ClientIOFailure(kind: .closed, detail: code == ECONNRESET
                ? "connection reset by peer" : "receive failed (errno \(code))"))
        }
    }

    /// Whether a pooled connection still looks usable: nothing to read (no EOF, no stray
    /// bytes, no error) right now.
    func isQuietAndOpen() -> Bool {
        csys_poll_one(fd, 0, 0) == 0
    }

    /// Wakes any thread blocked on this socket (used for cancellation); does not free the fd.
    func shutdown() {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Closes the descriptor.
    func close() {
        _ = Glibc.close(fd)
    }

    private func wait(forWrite: Bool, deadline: ClientDeadline) throws(ClientIOFailure) {
        let millis = deadline.remainingMilliseconds()
        guard millis > 0 else { throw ClientIOFailure(kind: .timeout, detail: "request deadline passed") }
        let ready = csys_poll_one(fd, forWrite ? 1 : 0, millis)
        if ready == 0 { throw ClientIOFailure(kind: .timeout, detail: "request deadline passed") }
        if ready < 0 { throw ClientIOFailure(kind: .closed, detail: "poll failed (errno \(errno))") }
    }
}
