import Synchronization

/// The HTTP families every service exports: requests by method, route template and status;
/// latency by method and route; requests in flight; open connections; rejected requests.
public final class HTTPMetrics: Sendable {
    private struct Key: Hashable { let method: String, route: String, status: Int }
    private struct LatencyKey: Hashable { let method: String, route: String }

    private let registry: MetricsRegistry
    private let requests = Mutex<[Key: Counter]>([:])
    private let latencies = Mutex<[LatencyKey: Histogram]>([:])
    /// Requests being handled right now.
    public let inFlight: Gauge
    /// Open client connections.
    public let connections: Gauge

    /// Registers the families on `registry`.
    public init(registry: MetricsRegistry) {
        self.registry = registry
        inFlight = registry.gauge("http_requests_in_flight", help: "HTTP requests being handled.")
        connections = registry.gauge("http_open_connections", help: "Open HTTP client connections.")
    }

    /// Records one answered request; `route` is the template (never the raw path).
    public func record(method: HTTPMethod, route: String, status: Int, seconds: Double) {
        let key = Key(method: method.rawValue, route: route, status: status)
        let counter = requests.withLock { table in
            if let counter = table[key] { return counter }
            let counter = registry.counter("http_requests_total", help: "HTTP requests answered.",
                                           labels: ["method": key.method, "route": route, "status": String(status)])
            table[key] = counter
            return counter
        }
        counter.increment()
        let latencyKey = LatencyKey(method: key.method, route: route)
        let histogram = latencies.withLock { table in
            if let histogram = table[latencyKey] { return histogram }
            let histogram = registry.histogram("http_request_duration_seconds", help: "Time to answer HTTP requests.",
                                               labels: ["method": key.method, "route": route])
            table[latencyKey] = histogram
            return histogram
        }
        histogram.observe(seconds)
    }

    /// Records a request the server refused before any handler ran (parse errors, limits, timeouts, overload).
    public func rejected(status: Int) {
        registry.counter("http_rejected_requests_total", help: "Requests refused by the HTTP server before routing.",
                         labels: ["status": String(status)]).increment()
    }
}
