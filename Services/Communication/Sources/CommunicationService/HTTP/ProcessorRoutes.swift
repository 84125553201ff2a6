internal import Shared

/// Storage processor statistics and health (communication.md §7.4).
struct ProcessorRoutes: Sendable {
    let statistics: ProcessorStatistics
    let clock: @Sendable () -> UTCTimestamp

    func register(on router: inout Router) {
        router.get("/api/processor/status", use: status)
        router.get("/health/processor", use: health)
    }

    @Sendable func status(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let recent: [JSONValue] = s.recent.suffix(10).map { entry in
            var item = JSONObject([(key: "file", value: .string(entry.file)), (key: "type", value: .string(entry.kind.rawValue)),
                                   (key: "status", value: entry.succeeded ? "success" : "failed")])
            if let error = entry.error { item["error"] = .string(error) }
            item["time"] = .string(entry.time.isoNaive)
            return .object(item)
        }
        let body: JSONValue = [
            "running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
            "verifications_processed_today": Self.count(s.processedToday[.verification]),
            "verifications_failed_today": Self.count(s.failedToday[.verification]),
            "contacts_processed_today": Self.count(s.processedToday[.contact]),
            "contacts_failed_today": Self.count(s.failedToday[.contact]),
            "waitlist_processed_today": Self.count(s.processedToday[.waitlist]),
            "waitlist_failed_today": Self.count(s.failedToday[.waitlist]),
            "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
            "total_processed": Self.count(s.totalProcessed), "total_failed": Self.count(s.totalFailed),
            "recent_files": .array(recent),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }

    /// Always 200; `status` says whether the processor is healthy.
    @Sendable func health(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let verdict = ProcessorHealth(s, now: clock())
        let body: JSONValue = [
            "status": verdict.healthy ? "healthy" : "unhealthy", "service": "storage-processor",
            "details": [
                "processor_running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
                "verifications_processed_today": Self.count(s.processedToday[.verification]),
                "contacts_processed_today": Self.count(s.processedToday[.contact]),
                "waitlist_processed_today": Self.count(s.processedToday[.waitlist]),
                "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
                "issues": .array(verdict.issues.map(JSONValue.string)),
            ],
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
    static func count(_ value: Int?) -> JSONValue { .number(String(value ?? 0)) }
}
