internal import Shared
internal import Synchronization

/// `SystemMessageSending` over HTTP: `POST /api/system-messages` to this service itself with
/// the spec's 10 s timeout (communication.md §7). The base URL is asked for on every send, so
/// it may become known after the server bound its port.
struct SelfSystemMessageClient: SystemMessageSending {
    let http: HTTPClient
    /// The own base URL, nil while unknown.
    let baseURL: @Sendable () -> String?

    func send(_ message: SystemMessage) async throws(PeerError) {
        guard let base = baseURL() else { throw PeerError("communication service (self) address not known yet") }
        let peer = PeerClient(name: "communication service (self)", baseURL: base, http: http)
        try await peer.post("/api/system-messages", message.json, timeout: .seconds(10))
    }
}

/// This service's own base URL: `COMMUNICATION_SERVICE_URL` when set, else
/// `http://<host>:<COMMUNICATION_SERVICE_INTERNAL_PORT>` where host is `SERVICE_HOST` when it
/// names one address and loopback when the server listens on all (`0.0.0.0`, `::`). With
/// port 0 (tests) the port is only known once the server bound it: until `bind(port:)` is
/// called the address is nil.
public final class SelfAddress: Sendable {
    private let host: String
    private let state: Mutex<String?>

    init(explicit: String?, host: String, port: Int) {
        let wildcard = host.isEmpty || host == "0.0.0.0" || host == "::"
        self.host = wildcard ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
        state = Mutex(explicit ?? (port == 0 ? nil : "http://\(self.host):\(port)"))
    }

    /// The base URL without a trailing slash, nil while unknown.
    public var url: String? { state.withLock { $0 } }

    /// Supplies the port the server bound when the address was still unknown (port 0).
    public func bind(port: Int) {
        state.withLock { if $0 == nil { $0 = "http://\(host):\(port)" } }
    }
}
