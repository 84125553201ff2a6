#if canImport(Glibc)
import Glibc
#endif
import CSystem
import Shared
import Synchronization

/// A small real ESMTP server on an ephemeral loopback port for SMTP client tests: plain TCP,
/// EHLO (offers `AUTH PLAIN LOGIN`, never STARTTLS), AUTH, MAIL, RCPT, DATA (dot-unstuffed),
/// RSET, NOOP, QUIT. Records accepted messages; `replies` overrides the answer at a stage
/// (a `421` reply also closes the connection); `silent` accepts connections and never answers.
public final class FakeSMTPServer: Sendable {
    /// A point of the dialogue whose reply can be scripted.
    public enum Stage: Sendable, Hashable { case greeting, ehlo, auth, mailFrom, rcptTo, data, dataEnd }

    /// A message the server accepted.
    public struct Delivery: Sendable {
        /// The envelope sender (`MAIL FROM`, without brackets).
        public let sender: String
        /// The accepted envelope recipients (`RCPT TO`, without brackets).
        public let recipients: [String]
        /// The message after dot-unstuffing, CRLF line endings, without the final `.` line.
        public let data: [UInt8]
        /// The user name of a successful AUTH on this connection.
        public let authenticatedUser: String?
    }

    /// One AUTH exchange: mechanism and decoded credentials.
    public struct Authentication: Sendable, Equatable {
        public let mechanism: String, username: String, password: String
    }

    struct State {
        var deliveries: [Delivery] = []
        var authentications: [Authentication] = []
        var connections = 0
        var stopped = false
    }

    let replies: [Stage: String]
    let silent: Bool
    let state = Mutex(State())
    private let listenFD: Int32
    /// The bound port on 127.0.0.1.
    public let port: Int

    /// Starts listening on 127.0.0.1 with an ephemeral port.
    public init(replies: [Stage: String] = [:], silent: Bool = false) throws {
        listenFD = csys_listen_tcp("127.0.0.1", 0, 16, 0)
        guard listenFD >= 0 else { throw TestSupportError("fake SMTP listen failed: errno \(errno)") }
        port = Int(csys_local_port(listenFD))
        self.replies = replies
        self.silent = silent
        OwnedThread(name: "fake-smtp") { [self] in acceptLoop() }.detach()
    }

    /// Messages accepted so far, in order.
    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }
    /// AUTH exchanges so far.
    public var authentications: [Authentication] { state.withLock { $0.authentications } }
    /// Connections accepted so far.
    public var connections: Int { state.withLock { $0.connections } }

    /// Stops accepting (open dialogues end when their client leaves).
    public func stop() { state.withLock { $0.stopped = true } }

    private func acceptLoop() {
        defer { close(listenFD) }
        while !state.withLock(\.stopped) {
            guard csys_poll_one(listenFD, 0, 50) > 0 else { continue }
            let fd = csys_accept(listenFD, nil, 0)
            guard fd >= 0 else { continue }
            _ = csys_set_nonblocking(fd, 0)
            var tv = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            state.withLock { $0.connections += 1 }
            OwnedThread(name: "fake-smtp-conn") { [self] in
                let session = FakeSMTPSession(fd: fd, server: self)
                silent ? session.drain() : session.run()
                close(fd)
            }.detach()
        }
    }
}
