extension HTTPClient {
    /// Tuning for an `HTTPClient`. The defaults suit service-to-service calls on a LAN.
    public struct Configuration: Sendable {
        /// The longest a TCP connect may take (also bounded by the request deadline).
        public var connectTimeout: Duration
        /// The default total time for one request: queueing, connect, send and receive.
        public var requestTimeout: Duration
        /// How many idle keep-alive connections are kept per `host:port` (0 disables reuse).
        public var maxIdleConnectionsPerHost: Int
        /// Idle connections older than this are closed instead of reused.
        public var idleTimeout: Duration
        /// The largest response body accepted, in bytes.
        public var maxResponseBytes: Int
        /// How many client-owned threads perform the blocking socket I/O.
        public var threadCount: Int
        /// Sent as `User-Agent` unless the request sets one; nil sends none.
        public var userAgent: String?

        /// Creates a configuration; every parameter has the documented default.
        public init(
            connectTimeout: Duration = .seconds(2),
            requestTimeout: Duration = .seconds(10),
            maxIdleConnectionsPerHost: Int = 16,
            idleTimeout: Duration = .seconds(30),
            maxResponseBytes: Int = 16 * 1024 * 1024,
            threadCount: Int = 4,
            userAgent: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxIdleConnectionsPerHost = maxIdleConnectionsPerHost
            self.idleTimeout = idleTimeout
            self.maxResponseBytes = maxResponseBytes
            self.threadCount = threadCount
            self.userAgent = userAgent
        }
    }
}
