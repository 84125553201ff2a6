public import Shared

/// The verdict of `GET /health/import` (therapist.md §2.12).
public struct ImportHealth: Sendable, Equatable {
    public var issues: [String]
    public var healthy: Bool { issues.isEmpty }

    /// Evaluates `snapshot` at `now`. The failure rate uses the last 10 files (the ones
    /// `import-status` shows): failed therapists over all entries, skipped ones included.
    public init(_ snapshot: ImportStatistics.Snapshot, now: UTCTimestamp) {
        var issues: [String] = []
        if !snapshot.running { issues.append("Import monitor not running") }
        if let errorTime = snapshot.lastErrorTime, now.secondsSinceEpoch - errorTime.secondsSinceEpoch < 3600,
           snapshot.lastCheck == nil {
            issues.append("Recent startup error")
        }
        let recent = snapshot.recent.suffix(10)
        if recent.count >= 5 {
            let failed = recent.reduce(0) { $0 + $1.failedCount }, total = recent.reduce(0) { $0 + $1.therapistCount }
            if total > 0, Double(failed) / Double(total) > 0.5 {
                issues.append("High failure rate: \(pythonOneDecimal(Double(failed) / Double(total) * 100))%")
            }
        }
        if let check = snapshot.lastCheck, now.secondsSinceEpoch - check.secondsSinceEpoch > 25 * 3600 {
            issues.append("Monitor inactive for too long")
        }
        self.issues = issues
    }
}
