#if canImport(Glibc)
import Glibc
#endif
import Synchronization
internal import CSystem

/// One epoll event loop on its own thread. It accepts, reads, parses and writes; it never runs
/// handlers: complete requests are handed to `Responder` as tasks preferring the server's
/// `HandlerExecutor`, and their responses come back through the mailbox (mutex-guarded, with
/// an eventfd wake-up that the executor batches: see `postDeferred`).
///
/// Confinement: every stored `var` is touched only on the loop thread, except `mailbox` and
/// `wakePending`, which are synchronised; that is what makes `@unchecked Sendable` honest.
final class EventLoop: @unchecked Sendable {
    enum Message { case response(UInt64, Response), drain, stop }

    let limits: HTTPLimits
    let responder: Responder
    let logger: Logger
    let epollFD: Int32
    let wakeFD: Int32
    var listenFD: Int32
    /// `open` turns false when the loop exits: later posts (a handler finishing after a shutdown
    /// deadline, a second shutdown) are dropped instead of signalling a closed, maybe reused, fd.
    let mailbox = Mutex<(messages: [Message], open: Bool)>(([], true))
    let wakePending = Atomic<Bool>(false)
    let executor: HandlerExecutor
    let drained = AsyncSignal()
    /// Fires once draining began: the listener is closed and idle connections are closed.
    let drainStarted = AsyncSignal()
    let stopped = AsyncSignal()

    var connections: [Connection?] = []
    var openCount = 0
    var generation: UInt32 = 0
    var now: UInt64 = 0
    var nextSweep: UInt64 = 0
    var acceptPaused = false
    var date = HTTPDate()
    var draining = false
    var running = true
    var inbox: [Message] = []
    var batch: [(token: UInt64, request: Request, match: Router.Match)] = []
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1

    init(listenFD: Int32, limits: HTTPLimits, responder: Responder, logger: Logger,
         executor: HandlerExecutor) throws(ServerError) {
        self.executor = executor
        self.listenFD = listenFD
        self.limits = limits
        self.responder = responder
        self.logger = logger
        epollFD = csys_epoll_create()
        wakeFD = csys_eventfd()
        guard epollFD >= 0, wakeFD >= 0,
              csys_epoll_add(epollFD, wakeFD, Epoll.input, Self.wakeToken) == 0,
              csys_epoll_add(epollFD, listenFD, Epoll.input, Self.listenerToken) == 0 else {
            throw ServerError("cannot create the event loop", errno: errno)
        }
    }

    deinit { scratch.deallocate() }

    /// Thread-safe: queues a message for the loop and wakes it once per batch of messages.
    func post(_ message: Message) {
        enqueue(message)
        wake()
    }

    /// Thread-safe: queues a response without waking the loop; `executor` wakes it later (see
    /// `HandlerExecutor.deferWake`), so a batch of responses costs one wake-up, not one each.
    func postDeferred(_ message: Message) {
        enqueue(message)
        executor.deferWake(self)
    }

    private func enqueue(_ message: Message) {
        mailbox.withLock { box in
            guard box.open else { return }
            box.messages.append(message)
        }
    }

    /// Thread-safe: wakes the loop unless a wake-up is already pending.
    func wake() {
        mailbox.withLock { box in
            guard box.open else { return }
            if !wakePending.exchange(true, ordering: .acquiringAndReleasing) { _ = csys_eventfd_signal(wakeFD) }
        }
    }

    /// The loop body; returns after a `.stop` message.
    func run() {
        var events = [csys_epoll_event](repeating: csys_epoll_event(), count: 256)
        let timeout = Int32(limits.sweepIntervalNanos / 1_000_000)
        while running {
            let count = events.withUnsafeMutableBufferPointer { csys_epoll_wait(epollFD, $0.baseAddress, 256, timeout) }
            now = MonotonicClock.nanoseconds()
            date.update()
            for index in 0..<Int(max(count, 0)) { handle(events[index]) }
            drainMailbox()
            dispatchBatch()
            if now >= nextSweep { sweep() }
        }
        for case let connection? in connections { close(connection) }
        if listenFD >= 0 { Glibc.close(listenFD) }
        Glibc.close(epollFD)
        mailbox.withLock { $0.open = false }
        Glibc.close(wakeFD)
        stopped.fire()
    }

    private func handle(_ event: csys_epoll_event) {
        switch event.data {
        case Self.listenerToken: acceptConnections()
        case Self.wakeToken: _ = csys_eventfd_drain(wakeFD)
        default:
            let fd = Int(UInt32(truncatingIfNeeded: event.data))
            guard fd < connections.count, let connection = connections[fd], connection.token == event.data else { return }
            let flags = event.events
            if flags & Epoll.error != 0 { close(connection); return }
            if flags & (Epoll.input | Epoll.readHangup | Epoll.hangup) != 0 {
                readable(connection, hangup: flags & (Epoll.readHangup | Epoll.hangup) != 0)
            }
            if flags & Epoll.output != 0, !connection.isClosed, connection.hasPendingOutput {
                flush(connection)
            }
        }
    }

    private func drainMailbox() {
        wakePending.store(false, ordering: .releasing)
        mailbox.withLock { swap(&$0.messages, &inbox) }
        for message in inbox {
            switch message {
            case .response(let token, let response): complete(token, response)
            case .drain: beginDrain()
            case .stop: running = false
            }
        }
        inbox.removeAll(keepingCapacity: true)
    }

    private func dispatchBatch() {
        guard !batch.isEmpty else { return }
        executor.hold()
        for item in batch {
            let (token, request, match) = item
            // Tracked, not fire-and-forget: the response returns to the loop through the mailbox.
            Task(executorPreference: executor) { [responder, self] in
                self.postDeferred(.response(token, await responder.respond(to: request, match: match)))
            }
        }
        executor.release()
        batch.removeAll(keepingCapacity: true)
    }
}
