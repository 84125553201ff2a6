internal import Shared

/// The verdict of `GET /health/email-queue` (communication.md §2.7).
struct QueueHealth: Sendable, Equatable {
    var issues: [String]
    var healthy: Bool { issues.isEmpty }

    /// Evaluates `snapshot` at `now`.
    init(_ snapshot: QueueStatistics.Snapshot, now: UTCTimestamp) {
        var issues: [String] = []
        if !snapshot.running { issues.append("Email queue processor not running") }
        if let errorTime = snapshot.lastErrorTime, now.secondsSinceEpoch - errorTime.secondsSinceEpoch < 300 {
            issues.append("Recent error in queue processor")
        }
        let recent = snapshot.batches.suffix(20)
        if recent.count >= 5 {
            let sent = recent.reduce(0) { $0 + $1.sent }, failed = recent.reduce(0) { $0 + $1.failed }
            if sent + failed > 0, Double(failed) / Double(sent + failed) > 0.5 {
                issues.append("High failure rate: \(pythonOneDecimal(Double(failed) / Double(sent + failed) * 100))%")
            }
        }
        if let check = snapshot.lastCheck, now.secondsSinceEpoch - check.secondsSinceEpoch > 300 {
            issues.append("Queue processor inactive for too long")
        }
        self.issues = issues
    }
}
