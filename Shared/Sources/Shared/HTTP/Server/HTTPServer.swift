#if canImport(Glibc)
import Glibc
#endif
import Synchronization
internal import CSystem

/// The HTTP/1.1 server: one epoll event loop on an owned thread (see `EventLoop`), handlers as
/// tasks on the server's `HandlerExecutor` threads. Start binds and accepts; shutdown drains.
public final class HTTPServer: Service {
    /// Where and how to listen.
    public struct Configuration: Sendable {
        /// Bind address (`0.0.0.0`, `127.0.0.1`, `::`).
        public var host: String
        /// Port; 0 picks a free one (see `port`).
        public var port: Int
        /// Limits and timeouts.
        public var limits: HTTPLimits
        /// listen(2) backlog.
        public var backlog: Int
        /// Threads that run handlers (default: one per online CPU).
        public var handlerThreads: Int

        /// Creates a configuration.
        public init(host: String = "0.0.0.0", port: Int, limits: HTTPLimits = HTTPLimits(), backlog: Int = 1024,
                    handlerThreads: Int = System.activeProcessorCount) {
            self.host = host
            self.port = port
            self.limits = limits
            self.backlog = backlog
            self.handlerThreads = handlerThreads
        }
    }

    /// `http-server`.
    public let name = "http-server"
    private let configuration: Configuration
    private let responder: Responder
    private let logger: Logger
    private let state = Mutex<(loop: EventLoop?, port: Int)>((nil, 0))

    /// Creates a server; nothing happens until `start()`.
    public init(configuration: Configuration, responder: Responder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// The bound port (useful with port 0), or 0 before start.
    public var port: Int { state.withLock { $0.port } }

    /// Fires once a shutdown has closed the listener and the idle connections (for tests).
    var drainStarted: AsyncSignal { state.withLock { $0.loop?.drainStarted } ?? AsyncSignal() }

    /// Binds, listens and starts the event loop thread.
    public func start() async throws {
        csys_ignore_sigpipe()
        let fd = csys_listen_tcp(configuration.host, Int32(configuration.port), Int32(configuration.backlog), 0)
        guard fd >= 0 else { throw ServerError("cannot listen on \(configuration.host):\(configuration.port)", errno: errno) }
        let loop: EventLoop
        do {
            loop = try EventLoop(listenFD: fd, limits: configuration.limits, responder: responder, logger: logger,
                                 executor: HandlerExecutor(threads: configuration.handlerThreads))
        } catch {
            Glibc.close(fd)
            throw error
        }
        let port = Int(csys_local_port(fd))
        state.withLock { $0 = (loop, port) }
        _ = OwnedThread(name: "http-loop") { loop.run() }
        logger.info("listening", ["http.host": configuration.host, "http.port": String(port)])
    }

    /// Stops accepting, lets in-flight requests finish (their responses carry `Connection: close`),
    /// closes idle connections, and at `deadline` closes whatever is left.
    public func shutdown(until deadline: ContinuousClock.Instant) async {
        guard let loop = state.withLock({ $0.loop }) else { return }
        loop.post(.drain)
        let drained = await loop.drained.wait(until: deadline)
        if !drained { logger.warning("shutdown deadline reached with connections open; closing them") }
        loop.post(.stop)
        await loop.stopped.wait()
        loop.executor.stop()
        logger.info("http server stopped")
    }
}
