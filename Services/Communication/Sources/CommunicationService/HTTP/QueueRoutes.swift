internal import Shared

/// Queue worker statistics and health (communication.md §2.6, §2.7).
struct QueueRoutes: Sendable {
    let statistics: QueueStatistics
    let clock: @Sendable () -> UTCTimestamp

    func register(on router: inout Router) {
        router.get("/api/emails/queue-status", use: status)
        router.get("/health/email-queue", use: health)
    }

    @Sendable func status(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let batches: [JSONValue] = s.batches.suffix(10).map { batch in
            ["sent": .number(String(batch.sent)), "failed": .number(String(batch.failed)), "time": .string(batch.time.isoNaive)]
        }
        let body: JSONValue = [
            "running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
            "emails_sent_today": .number(String(s.sentToday)), "emails_failed_today": .number(String(s.failedToday)),
            "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
            "total_sent": .number(String(s.totalSent)), "total_failed": .number(String(s.totalFailed)),
            "recent_batches": .array(batches),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }

    /// Always 200; `status` says healthy or unhealthy.
    @Sendable func health(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let verdict = QueueHealth(s, now: clock())
        let body: JSONValue = [
            "status": verdict.healthy ? "healthy" : "unhealthy", "service": "email-queue-processor",
            "details": [
                "processor_running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
                "emails_sent_today": .number(String(s.sentToday)), "emails_failed_today": .number(String(s.failedToday)),
                "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
                "issues": .array(verdict.issues.map(JSONValue.string)),
            ],
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
