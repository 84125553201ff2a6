import Synchronization

/// An HTTP/1.1 client for plain-`http` service-to-service calls with a keep-alive pool.
///
/// All blocking socket work (connect, poll, read, write) runs on `threadCount` threads the
/// client owns, never on the Swift concurrency pool; `execute` suspends on a continuation
/// meanwhile. Cancelling the calling task shuts the socket down so a blocked read returns at
/// once and the call throws `.cancelled`.
public final class HTTPClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: Configuration
    let connections: ClientConnectionPool
    let workers: ClientWorkerPool
    private let isShutDown = Atomic<Bool>(false)

    /// Creates a client and starts its I/O threads.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let connections = ClientConnectionPool(
            maxIdlePerHost: max(0, configuration.maxIdleConnectionsPerHost),
            idleTimeout: configuration.idleTimeout)
        self.connections = connections
        let tick = max(configuration.idleTimeout, .seconds(1))
        self.workers = ClientWorkerPool(threadCount: max(1, configuration.threadCount), idleTick: tick) {
            connections.closeExpired()
        }
    }

    deinit {
        workers.stop()
        connections.close()
    }

    /// Closes the idle connections and rejects new requests with `.shutdown`. Requests already
    /// accepted finish; their connections are then closed rather than pooled. Idempotent.
    public func shutdown() {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        connections.close()
        workers.stop()
    }

    /// Sends `request` and returns the complete response. Every failure is an
    /// `HTTPClientError`; non-2xx statuses are responses, not errors.
    ///
    /// Adds `X-Request-Id: RequestID.current` when that task-local is set (and is a valid field
    /// value) unless the request carries its own. The deadline (`request.timeout` or
    /// `requestTimeout`) covers waiting for a worker thread, connecting, sending and receiving.
    /// A reused keep-alive connection that the server closed before answering is replaced by
    /// a fresh one once for idempotent methods; `POST`/`PATCH` then fail with
    /// `.connectionClosed`.
    public func execute(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        let deadline = ClientDeadline(after: request.timeout ?? configuration.requestTimeout)
        guard let url = ClientURL(parsing: request.url) else {
            throw HTTPClientError(.invalidURL, detail: "expected http://host[:port][/path][?query]")
        }
        guard !isShutDown.load(ordering: .acquiring) else { throw HTTPClientError(.shutdown, endpoint: url.endpoint) }
        let wire = try ClientRequestEncoder.encode(
            request, url: url, userAgent: configuration.userAgent, requestID: RequestID.current)
        let prepared = ClientPreparedRequest(
            url: url, method: request.method, bytes: wire.bytes, closeAfter: wire.closeAfter, deadline: deadline)
        guard !Task.isCancelled else { throw HTTPClientError(.cancelled, endpoint: url.endpoint) }
        return try await run(prepared).get()
    }

    /// Hands the exchange to a worker thread and suspends until it finishes or is cancelled.
    private func run(_ prepared: ClientPreparedRequest) async -> Result<HTTPClientResponse, HTTPClientError> {
        let job = ClientRequestJob(endpoint: prepared.url.endpoint)
        let exchange = ClientExchange(
            request: prepared, job: job, pool: connections,
            connectTimeout: configuration.connectTimeout, maxResponseBytes: max(0, configuration.maxResponseBytes))
        let workers = self.workers
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ClientRequestJob.Outcome, Never>) in
                guard job.attach(continuation) else { return }
                let accepted = workers.submit {
                    guard job.begin() else { return }
                    job.finish(exchange.run())
                }
                if !accepted { job.finish(.failure(HTTPClientError(.shutdown, endpoint: prepared.url.endpoint))) }
            }
        } onCancel: {
            job.cancel()
        }
    }
}

extension HTTPClient: Service {
    /// `http-client`.
    public var name: String { "http-client" }
    /// Nothing to start: threads run from `init`.
    public func start() async throws {}
    /// Closes idle connections and stops the I/O threads (`shutdown()`).
    public func shutdown(until deadline: ContinuousClock.Instant) async { shutdown() }
}
