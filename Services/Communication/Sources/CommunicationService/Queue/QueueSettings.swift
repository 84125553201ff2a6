internal import Shared

/// The queue worker's settings (communication.md §6; operations.md §7.5). Invalid numbers fall
/// back to the defaults, as in the original.
struct QueueSettings: Sendable {
    /// `EMAIL_QUEUE_ENABLED` (default true): whether this process runs a worker at all.
    var enabled = true
    /// `EMAIL_QUEUE_CHECK_INTERVAL_SECONDS` (default 30).
    var interval: Duration = .seconds(30)
    /// `EMAIL_QUEUE_BATCH_SIZE` (default 10): emails per cycle, the relay's rate limit.
    var batchSize = 10
    /// `EMAIL_QUEUE_CONCURRENCY` (default 1): deliveries in flight at once within a cycle.
    var concurrency = 1
    /// `EMAIL_QUEUE_MAX_ATTEMPTS` (default 5): temporary failures before `Fehlgeschlagen`.
    var maxAttempts = 5
    /// `EMAIL_QUEUE_RETRY_BASE_SECONDS` (default 60): first backoff, doubled per attempt, at most 1 h.
    var retryBase: Duration = .seconds(60)
    /// `EMAIL_QUEUE_CLAIM_LEASE_SECONDS` (default 300, at least the SMTP timeout + 30 s): after
    /// this, a claim of a worker that vanished is put back in the queue.
    var lease: Duration = .seconds(300)
    /// `EMAIL_QUEUE_WORKER_ID` (default `<hostname>:<port>`): a restarted worker reclaims its own rows.
    var workerID = "communication"

    init() {}

    init(_ config: inout ConfigReader, smtpTimeout: Duration, defaultWorkerID: String) {
        enabled = config.bool("EMAIL_QUEUE_ENABLED", default: true)
        interval = .seconds(Self.positive(config.optionalString("EMAIL_QUEUE_CHECK_INTERVAL_SECONDS"), or: 30))
        batchSize = Self.positive(config.optionalString("EMAIL_QUEUE_BATCH_SIZE"), or: 10)
        concurrency = min(Self.positive(config.optionalString("EMAIL_QUEUE_CONCURRENCY"), or: 1), 64)
        maxAttempts = Self.positive(config.optionalString("EMAIL_QUEUE_MAX_ATTEMPTS"), or: 5)
        retryBase = .seconds(Self.positive(config.optionalString("EMAIL_QUEUE_RETRY_BASE_SECONDS"), or: 60))
        let lease = Duration.seconds(Self.positive(config.optionalString("EMAIL_QUEUE_CLAIM_LEASE_SECONDS"), or: 300))
        self.lease = max(lease, smtpTimeout + .seconds(30))
        let id = config.string("EMAIL_QUEUE_WORKER_ID", default: "")
        workerID = id.isEmpty ? defaultWorkerID : id
    }

    /// A positive integer from `text`, else `fallback`.
    static func positive(_ text: String?, or fallback: Int) -> Int {
        guard let value = text.flatMap({ Int($0.trimmingWhitespace()) }), value > 0 else { return fallback }
        return value
    }

    /// The wait before attempt `attempts + 1` after a temporary failure.
    func backoff(afterAttempts attempts: Int) -> Duration {
        let factor = 1 << min(max(attempts - 1, 0), 12)
        return min(retryBase * factor, .seconds(3600))
    }
}
