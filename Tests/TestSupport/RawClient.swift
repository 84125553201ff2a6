#if canImport(Glibc)
import Glibc
#endif
import CSystem

/// A blocking TCP client for raw-socket tests: sends exact bytes and parses responses by hand.
/// Reads time out after `timeout` so a broken server fails a test instead of hanging it.
/// Use it only inside `blocking { }`.
public final class RawClient: @unchecked Sendable {
    public let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host`:`port`; throws when the connection is refused.
    public init(port: Int, host: String = "127.0.0.1", timeout: Double = 5) throws {
        fd = csys_connect_tcp(host, Int32(port), 2000)
        guard fd >= 0 else { throw TestSupportError("connect to \(host):\(port) failed: errno \(errno)") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { Glibc.close(fd) }

    /// Whether a connection to `host`:`port` is refused right now.
    public static func isRefused(port: Int, host: String = "127.0.0.1") -> Bool {
        let fd = csys_connect_tcp(host, Int32(port), 2000)
        if fd >= 0 { Glibc.close(fd); return false }
        return errno == ECONNREFUSED
    }

    /// Sends all bytes (ignores EPIPE: the server may have closed already).
    public func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { csys_send(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Sends a string as UTF-8.
    public func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads one response (status, headers, Content-Length body); nil on EOF or timeout before a full response.
    public func readResponse(headRequest: Bool = false) -> RawResponse? {
        while true {
            if let (response, used) = RawResponse.parse(buffer, headRequest: headRequest) {
                buffer.removeFirst(used)
                return response
            }
            guard fill() > 0 else { return nil }
        }
    }

    /// Reads until the server closes; true when EOF arrived (false on timeout).
    public func readsEOF() -> Bool {
        while true {
            let n = fill()
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }

    /// Bytes received but not consumed by `readResponse`.
    public var pending: [UInt8] { buffer }

    private func fill() -> Int {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 { buffer.append(contentsOf: chunk[0..<n]) }
        return n
    }
}
