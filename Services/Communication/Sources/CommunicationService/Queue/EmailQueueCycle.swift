internal import Shared
internal import Synchronization

/// One run of the queue worker (§6). Claims up to `batchSize` due emails (committed as
/// `Wird_gesendet` before the relay is contacted), delivers them `concurrency` at a time and
/// records each outcome in its own statement. A crash leaves claimed rows behind; they go back
/// to the queue when this worker id starts again (the first cycle) or their lease expires: no
/// email is lost, and one is sent twice only if the process dies between the relay's
/// acceptance and the commit of `Gesendet` (the repeat carries the same `Message-ID`).
final class EmailQueueCycle: Sendable {
    let settings: QueueSettings
    let queue: PostgresEmailQueue
    let delivery: EmailDelivery
    let statistics: QueueStatistics
    let contacts: any LastContactRecording
    let notifier: any SystemMessageSending
    let logger: Logger
    /// Whether this worker's claims of a previous run were put back already.
    private let reclaimed = Mutex(false)
    /// The last error notified and when: the same error is notified at most every 15 minutes
    /// (a database outage would otherwise mail the support address every cycle).
    private let lastNotified = Mutex<(text: String, time: ContinuousClock.Instant)?>(nil)

    init(settings: QueueSettings, queue: PostgresEmailQueue, delivery: EmailDelivery, statistics: QueueStatistics,
         contacts: any LastContactRecording, notifier: any SystemMessageSending, logger: Logger) {
        self.settings = settings
        self.queue = queue
        self.delivery = delivery
        self.statistics = statistics
        self.contacts = contacts
        self.notifier = notifier
        self.logger = logger
    }

    func run() async {
        statistics.recordCheck()
        do {
            try await releaseClaims()
            var sent = 0, failed = 0, remaining = settings.batchSize
            while remaining > 0 {
                let claimed = try await queue.claim(min(settings.concurrency, remaining))
                if claimed.isEmpty { break }
                remaining -= claimed.count
                let tally = try await deliverAndRecord(claimed)
                sent += tally.sent
                failed += tally.failed
                if let relayProblem = tally.relayProblem {
                    statistics.recordError(relayProblem)
                    logger.warning("SMTP relay unavailable; emails stay queued", ["error": relayProblem])
                    break
                }
            }
            statistics.recordBatch(sent: sent, failed: failed)
        } catch {
            await report(error)
        }
    }

    /// Own claims of a dead previous run once, then anyone's expired claims every cycle.
    private func releaseClaims() async throws {
        let own = !reclaimed.withLock { $0 }
        let released = try await queue.releaseClaims(own: own, olderThan: settings.lease)
        if own { reclaimed.withLock { $0 = true } }
        if released > 0 { logger.warning("unfinished claims returned to the queue", ["count": String(released)]) }
    }

    /// Delivers `emails` concurrently and commits each outcome as soon as it is known (the
    /// window between the relay's acceptance and the commit stays one statement long); then
    /// records the last contact of the patients whose emails went out (⚠ the original did this
    /// only for `PUT …/Gesendet`, never for emails the worker sent).
    private func deliverAndRecord(_ emails: [QueuedEmail]) async throws -> (sent: Int, failed: Int, relayProblem: String?) {
        var sent = 0, failed = 0, contacted: Set<Int> = []
        var relayProblem: String?
        try await withThrowingTaskGroup(of: (QueuedEmail, DeliveryOutcome).self) { group in
            for email in emails { group.addTask { [delivery] in (email, await delivery.deliver(email)) } }
            for try await (email, outcome) in group {
                switch try await record(email, outcome) {
                case .sent?:
                    sent += 1
                    if let patient = email.patientID { contacted.insert(patient) }
                case .permanentFailure?: failed += 1
                case .relayUnavailable(let text)?: relayProblem = text
                case .temporaryFailure?, nil: break
                }
            }
        }
        if !contacted.isEmpty {
            let today = LocalDate.localToday()
            await withTaskGroup(of: Void.self) { group in
                for patient in contacted { group.addTask { [contacts] in await contacts.recordContact(patientID: patient, on: today) } }
            }
        }
        return (sent, failed, relayProblem)
    }

    /// Commits one outcome (temporary failures past `maxAttempts` become final); returns what
    /// was recorded, nil when the claim was no longer this worker's.
    private func record(_ email: QueuedEmail, _ outcome: DeliveryOutcome) async throws -> DeliveryOutcome? {
        var final = outcome
        if case .temporaryFailure(let text) = outcome, email.attempts + 1 >= settings.maxAttempts {
            final = .permanentFailure(text)
        }
        guard try await queue.record(email.id, final, retryAfter: settings.backoff(afterAttempts: email.attempts + 1)) else {
            logger.warning("claim lost before the outcome was recorded", ["email_id": String(email.id)])
            return nil
        }
        return final
    }

    /// §6 step 5: record the error and notify the system address (best effort, throttled).
    private func report(_ error: any Error) async {
        let text = "\(error)"
        statistics.recordError(text)
        logger.error("email queue cycle failed", ["error": text])
        let now = ContinuousClock.now
        let due = lastNotified.withLock { last in
            guard last == nil || last!.text != text || now - last!.time > .seconds(900) else { return false }
            last = (text, now)
            return true
        }
        guard due else { return }
        let message = SystemMessage(subject: "[Communication Service] Email Queue Processor Error",
                                    message: "The email queue processor encountered an error:\n\n\(text)",
                                    senderName: "Email Queue System")
        do { try await notifier.send(message) } catch {
            logger.warning("queue error notification not sent", ["error": error.description])
        }
    }
}
