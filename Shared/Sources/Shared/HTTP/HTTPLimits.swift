/// Limits and timeouts the HTTP server enforces on every connection. The defaults follow
/// `guides/reliability.md` §1.2 (nginx, HAProxy, Envoy and RFC 9112 anchors).
public struct HTTPLimits: Sendable {
    /// Longest request line; longer → 414 and close.
    public var maxRequestLineBytes = 8 * 1024
    /// Longest single header line; longer → 431 and close.
    public var maxHeaderLineBytes = 8 * 1024
    /// Whole header section (request line included); larger → 431 and close.
    public var maxHeaderBytes = 32 * 1024
    /// Most header fields; more → 431 and close.
    public var maxHeaderCount = 100
    /// Default body limit; routes may override it. Larger → 413 and close.
    public var maxBodyBytes = 1024 * 1024
    /// From the first byte of a request to the end of its headers; exceeded → 408 and close.
    public var headerTimeout: Duration = .seconds(10)
    /// Longest gap between two reads of a body; exceeded → 408 and close.
    public var bodyTimeout: Duration = .seconds(10)
    /// Longest time a whole body may take to arrive (stops "one byte every 9 s").
    public var bodyTotalTimeout: Duration = .seconds(30)
    /// How long an idle keep-alive connection is kept; then closed silently.
    public var idleTimeout: Duration = .seconds(10)
    /// Longest time a response may wait for the peer to read it; then the connection is aborted.
    public var writeTimeout: Duration = .seconds(10)
    /// Requests served on one connection; the last one carries `Connection: close`.
    public var maxRequestsPerConnection = 1000
    /// Open connections at most; beyond it new ones get 503 and are closed.
    public var maxConnections = 256

    /// The defaults above.
    public init() {}

    /// How often the event loop checks deadlines: a quarter of the shortest timeout, 10–250 ms.
    var sweepIntervalNanos: UInt64 {
        let shortest = [headerTimeout, bodyTimeout, idleTimeout, writeTimeout].min()!
        return min(max(shortest.nanoseconds / 4, 10_000_000), 250_000_000)
    }
}

extension Duration {
    /// The duration in whole nanoseconds (negative durations count as zero).
    public var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(attoseconds, 0) / 1_000_000_000)
    }

    /// The duration in seconds as a Double.
    public var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
