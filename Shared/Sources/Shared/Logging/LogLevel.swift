/// Severity of a log line, from most verbose to most severe.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    /// Very detailed tracing, off in production.
    case trace
    /// Diagnostics for developers.
    case debug
    /// Normal operation worth recording.
    case info
    /// Normal but significant events (start-up, shutdown, configuration).
    case notice
    /// Something unexpected that the service handled.
    case warning
    /// An operation failed.
    case error
    /// The service cannot continue or needs immediate attention.
    case critical

    /// Parses a level name case-insensitively: the names above plus Python's DEBUG, INFO,
    /// WARNING/WARN, ERROR and CRITICAL/FATAL, so existing deployment settings keep working.
    public init?(parsing text: String) {
        switch text.trimmed.lowercased() {
        case "trace": self = .trace
        case "debug": self = .debug
        case "info": self = .info
        case "notice": self = .notice
        case "warning", "warn": self = .warning
        case "error": self = .error
        case "critical", "fatal": self = .critical
        default: return nil
        }
    }

    /// The lowercase name written to the `level` field, e.g. `warning`.
    public var name: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
