internal import Shared

/// Importer statistics and health (patient.md §2.8, §2.10).
struct ImportRoutes: Sendable {
    let statistics: ImportStatistics
    let clock: @Sendable () -> UTCTimestamp

    func register(on router: inout Router) {
        router.get("/api/patients/import-status", use: importStatus)
        router.get("/health/import", use: importHealth)
    }

    @Sendable func importStatus(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let recent: [JSONValue] = s.recent.suffix(10).map { entry in
            var item: JSONObject = JSONObject([(key: "file", value: .string(entry.file)),
                                               (key: "status", value: entry.succeeded ? "success" : "failed")])
            if let error = entry.error { item["error"] = .string(error) }
            item["time"] = .string(entry.time.isoNaive)
            return .object(item)
        }
        let body: JSONValue = [
            "running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
            "files_processed_today": .number(String(s.filesProcessedToday)),
            "files_failed_today": .number(String(s.filesFailedToday)),
            "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
            "total_processed": .number(String(s.totalProcessed)), "total_failed": .number(String(s.totalFailed)),
            "recent_imports": .array(recent),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }

    @Sendable func importHealth(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let health = ImportHealth(s, now: clock())
        let body: JSONValue = [
            "status": health.healthy ? "healthy" : "unhealthy", "service": "patient-import-monitor",
            "details": [
                "monitor_running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
                "files_processed_today": .number(String(s.filesProcessedToday)),
                "files_failed_today": .number(String(s.filesFailedToday)),
                "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
                "issues": .array(health.issues.map(JSONValue.string)),
            ],
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
}
