public import Shared

/// The verdict of `GET /health/processor` (communication.md §7.4).
public struct ProcessorHealth: Sendable, Equatable {
    public var issues: [String]
    public var healthy: Bool { issues.isEmpty }

    /// Evaluates `snapshot` at `now`: not running; any error younger than an hour; at least 5
    /// of the last 20 files with more than half failed; no cycle for more than 5 minutes.
    public init(_ snapshot: ProcessorStatistics.Snapshot, now: UTCTimestamp) {
        var issues: [String] = []
        if !snapshot.running { issues.append("Processor not running") }
        if let errorTime = snapshot.lastErrorTime, now.secondsSinceEpoch - errorTime.secondsSinceEpoch < 3600 {
            issues.append("Recent processor error")
        }
        let recent = snapshot.recent.suffix(20)
        if recent.count >= 5 {
            let rate = Double(recent.filter { !$0.succeeded }.count) / Double(recent.count) * 100
            if rate > 50 { issues.append("High failure rate: \(pythonOneDecimal(rate))%") }
        }
        if let check = snapshot.lastCheck, now.secondsSinceEpoch - check.secondsSinceEpoch > 300 {
            issues.append("Processor inactive for too long")
        }
        self.issues = issues
    }
}
