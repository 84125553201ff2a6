#if canImport(Glibc)
import Glibc
#endif
internal import CSystem

/// Turns SIGTERM/SIGINT into an awaitable event. A C handler writes the signal number to a pipe
/// (async-signal-safe); an owned thread reads it. The first signal fires `shutdownRequested`;
/// a second one, or `escalate(after:)` running out, ends the process with exit code 1.
/// SIGPIPE is ignored as a side effect (a vanished peer must never kill the server).
public final class SignalWatcher: Sendable {
    /// Fires on the first SIGTERM or SIGINT.
    public let shutdownRequested = AsyncSignal()
    private let deadline = AsyncSignal()
    private let readFD: Int32

    /// Installs the handlers; call first thing in `main`, before anything slow.
    public init(logger: Logger) {
        let signals = [SIGTERM, SIGINT]
        readFD = signals.withUnsafeBufferPointer { csys_signal_pipe($0.baseAddress, Int32($0.count)) }
        precondition(readFD >= 0, "cannot install signal handlers")
        let fd = readFD, requested = shutdownRequested
        _ = OwnedThread(name: "signals") {
            var received = 0
            while true {
                var byte: UInt8 = 0
                let n = read(fd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                guard n == 1 else { return }
                received += 1
                if received == 1 {
                    logger.notice("shutdown requested", ["signal": String(byte)])
                    requested.fire()
                } else {
                    logger.critical("second signal: exiting immediately", ["signal": String(byte)])
                    _exit(1)
                }
            }
        }
    }

    /// Starts a watchdog: if the process is still running at `deadline`, it exits with code 1.
    public func escalate(at deadline: ContinuousClock.Instant, logger: Logger) {
        _ = OwnedThread(name: "shutdown-dog") {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining > .zero { usleep(UInt32(min(remaining.nanoseconds / 1000, UInt64(UInt32.max)))) }
            logger.critical("graceful shutdown exceeded its deadline: exiting")
            _exit(1)
        }
    }
}
