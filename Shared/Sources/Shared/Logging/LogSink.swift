#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
internal import CSystem

/// Where log lines go: a file descriptor (normally stdout) or, in tests, memory.
///
/// Every line reaches a file descriptor through a single `write(2)` call, so nothing waits in a
/// stdio buffer when the process dies, and lines from different threads never interleave. If
/// the kernel takes only part of a line (or a signal interrupts the call), the rest is written
/// before any other line from this sink.
public final class LogSink: Sendable {
    /// Standard output, where container platforms collect logs.
    public static let stdout = LogSink(fileDescriptor: 1)

    private enum Target {
        case fileDescriptor(Int32)
        case memory
    }

    private let target: Target
    private let writeLock = Mutex<Void>(())
    private let captured = Mutex<[String]>([])

    /// A sink writing to `fileDescriptor`, which it does not own or close.
    public init(fileDescriptor: Int32) { target = .fileDescriptor(fileDescriptor) }

    private init(target: Target) { self.target = target }

    /// A sink that keeps lines in memory, for tests; read them with `capturedLines`.
    public static func memory() -> LogSink { LogSink(target: .memory) }

    /// The lines a memory sink received, without their line breaks; empty for other sinks.
    public var capturedLines: [String] { captured.withLock { $0 } }

    /// Writes one complete line; `line` must end with "\n".
    func emit(_ line: [UInt8]) {
        switch target {
        case .memory:
            captured.withLock { $0.append(String(decoding: line.dropLast(), as: UTF8.self)) }
        case .fileDescriptor(let fd):
            writeLock.withLock { _ in Self.writeFully(fd, line) }
        }
    }

    /// Retries after EINTR and partial writes; waits for a non-blocking descriptor that is
    /// full. Other errors drop the line: a broken log destination cannot be reported anywhere.
    private static func writeFully(_ fd: Int32, _ line: [UInt8]) {
        line.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK),
                          csys_poll_one(fd, 1, -1) == 1 {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
