internal import Shared

/// Importer statistics and health (therapist.md §2.7, §2.12). The router prefers literal
/// segments, so `/api/therapists/import-status` wins over `/api/therapists/{id}`.
struct ImportRoutes: Sendable {
    let statistics: ImportStatistics
    let clock: @Sendable () -> UTCTimestamp

    func register(on router: inout Router) {
        router.get("/api/therapists/import-status", use: importStatus)
        router.get("/health/import", use: importHealth)
    }

    @Sendable func importStatus(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let recent: [JSONValue] = s.recent.suffix(10).map { entry in
            ["file": .string(entry.file), "therapist_count": Self.count(entry.therapistCount),
             "success_count": Self.count(entry.successCount), "failed_count": Self.count(entry.failedCount),
             "time": .string(entry.time.isoNaive)]
        }
        let body: JSONValue = [
            "running": .bool(s.running), "last_check": .isoNaive(s.lastCheck), "last_import_run": .isoNaive(s.lastCheck),
            "next_import_run": .isoNaive(s.nextImportRun), "files_processed_today": Self.count(s.filesProcessedToday),
            "therapists_processed_today": Self.count(s.therapistsProcessedToday),
            "therapists_failed_today": Self.count(s.therapistsFailedToday),
            "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
            "total_files_processed": Self.count(s.totalFilesProcessed),
            "total_therapists_processed": Self.count(s.totalTherapistsProcessed),
            "total_therapists_failed": Self.count(s.totalTherapistsFailed), "recent_imports": .array(recent),
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }

    /// Always 200; `status` says healthy or unhealthy.
    @Sendable func importHealth(_ request: Request, _ context: RequestContext) async throws -> Response {
        let s = statistics.snapshot
        let health = ImportHealth(s, now: clock())
        let body: JSONValue = [
            "status": health.healthy ? "healthy" : "unhealthy", "service": "therapist-import-monitor",
            "details": [
                "monitor_running": .bool(s.running), "last_check": .isoNaive(s.lastCheck),
                "files_processed_today": Self.count(s.filesProcessedToday),
                "therapists_processed_today": Self.count(s.therapistsProcessedToday),
                "therapists_failed_today": Self.count(s.therapistsFailedToday),
                "last_error": s.lastError.map(JSONValue.string) ?? .null, "last_error_time": .isoNaive(s.lastErrorTime),
                "issues": .array(health.issues.map(JSONValue.string)),
            ],
        ]
        return .json(bytes: JSONWriter().bytes(body))
    }
    static func count(_ value: Int) -> JSONValue { .number(String(value)) }
}
