/// One accepted socket and its state. Confined to the event loop thread that owns it.
final class Connection {
    enum Deadline { case none, idle, header, body, write, linger }

    let fd: Int32
    /// fd in the low 32 bits, a generation in the high 32: completions for a closed connection
    /// whose fd was reused are recognised and dropped.
    let token: UInt64
    let remoteAddress: String
    var decoder = RequestDecoder()
    var output: [UInt8] = []
    var outputIndex = 0
    /// A request is being handled; later pipelined bytes wait in the decoder.
    var inFlight = false
    /// The route match and keep-alive wish of the request in flight.
    var match: Router.Match = .notFound
    var keepAlive = true
    var headOnly = false
    var minorVersion = 1
    var requestsServed = 0
    /// After the pending output is written: half-close, drain the peer's bytes, then close.
    var closeAfterWrite = false
    /// Half-closed by us; reading only to discard until EOF.
    var lingering = false
    /// The peer sent FIN.
    var readClosed = false
    /// More input is waiting in the socket but the buffer cap was reached.
    var pendingRead = false
    var deadline: UInt64 = 0
    var deadlineKind = Deadline.none
    var bodyStartedAt: UInt64 = 0
    var isClosed = false

    init(fd: Int32, generation: UInt32, remoteAddress: String, limits: HTTPLimits) {
        self.fd = fd
        self.token = UInt64(UInt32(bitPattern: fd)) | UInt64(generation) << 32
        self.remoteAddress = remoteAddress
        decoder.limits = limits
    }

    var hasPendingOutput: Bool { outputIndex < output.count }

    /// Idle: nothing in flight, nothing buffered, nothing to write; safe to close when draining.
    var isIdle: Bool { !inFlight && !decoder.isMidRequest && !hasPendingOutput }

    func setDeadline(_ kind: Deadline, at nanos: UInt64) {
        deadlineKind = kind
        deadline = kind == .none ? 0 : nanos
    }
}
