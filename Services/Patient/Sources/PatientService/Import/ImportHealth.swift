public import Shared

/// The verdict of `GET /health/import` (patient.md §2.10).
public struct ImportHealth: Sendable, Equatable {
    public var issues: [String]
    public var healthy: Bool { issues.isEmpty }

    /// Evaluates `snapshot` at `now`.
    public init(_ snapshot: ImportStatistics.Snapshot, now: UTCTimestamp) {
        var issues: [String] = []
        if !snapshot.running { issues.append("Import monitor not running") }
        if let errorTime = snapshot.lastErrorTime, now.secondsSinceEpoch - errorTime.secondsSinceEpoch < 3600,
           snapshot.lastCheck == nil {
            issues.append("Recent startup error")
        }
        let recent = snapshot.recent.suffix(20)
        if snapshot.recent.count >= 5 {
            let failed = recent.filter { !$0.succeeded }.count
            let rate = Double(failed) / Double(recent.count) * 100
            if rate > 50 { issues.append("High failure rate: \(pythonOneDecimal(rate))%") }
        }
        if let check = snapshot.lastCheck, now.secondsSinceEpoch - check.secondsSinceEpoch > 3600 {
            issues.append("Monitor inactive for too long")
        }
        if snapshot.storageUnreachable { issues.append("Object storage unreachable") }
        self.issues = issues
    }
}
