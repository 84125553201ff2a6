import Foundation
import Glibc
import Synchronization
import Shared

/// A request as the test server received it.
struct ReceivedRequest: Sendable {
    let method: String
    let target: String
    let headers: HTTPHeaders
    let body: [UInt8]
    /// Index of the accepted connection it arrived on (0-based).
    let connection: Int
}

/// A scripted raw-socket HTTP server on 127.0.0.1 (ephemeral port). It accepts on its own
/// thread and runs `handler` for each connection on a thread of its own, recording every
/// request it reads and counting accepted connections.
final class TestHTTPServer: Sendable {
    let port: Int
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var accepted = 0
        var requests: [ReceivedRequest] = []
        var open: Set<Int32> = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    init(handler: @escaping @Sendable (TestConnection) -> Void) throws {
        let (fd, port) = try Self.bindLoopback()
        guard listen(fd, 128) == 0 else { throw POSIXError(.EADDRINUSE) }
        listener = fd
        self.port = port
        Thread.detachNewThread { [self] in acceptLoop(handler) }
    }

    /// A port on which nothing listens: bound, then closed again.
    static func closedPort() throws -> Int {
        let (fd, port) = try bindLoopback()
        close(fd)
        return port
    }

    func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }
    var acceptedConnections: Int { state.withLock { $0.accepted } }
    var requests: [ReceivedRequest] { state.withLock { $0.requests } }

    /// Suspends until at least `count` requests were received (no polling, no sleeping).
    func waitForRequests(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.requests.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Stops accepting and wakes every connection thread.
    func stop() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        state.withLock { state in for fd in state.open { Glibc.shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    func record(_ request: ReceivedRequest) {
        let ready = state.withLock { state in
            state.requests.append(request)
            let count = state.requests.count
            let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    func closeConnection(_ fd: Int32) {
        state.withLock { state in
            if state.open.remove(fd) != nil { close(fd) }
        }
    }

    private func acceptLoop(_ handler: @escaping @Sendable (TestConnection) -> Void) {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0, errno == EINTR || errno == ECONNABORTED { continue }
            guard fd >= 0 else { break }
            let index = state.withLock { state in
                state.open.insert(fd)
                state.accepted += 1
                return state.accepted - 1
            }
            Thread.detachNewThread { [self] in
                let connection = TestConnection(fd: fd, index: index, server: self)
                handler(connection)
                closeConnection(fd)
            }
        }
        close(listener)
    }

    private static func bindLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
