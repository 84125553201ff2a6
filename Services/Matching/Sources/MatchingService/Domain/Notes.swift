internal import Shared

/// §1.4 notes.
enum Notes {
    /// `[YYYY-MM-DD HH:MM (<author>)] <text>` (UTC; ` (<author>)` omitted when author is nil or empty).
    static func line(_ text: String, author: String?, at time: UTCTimestamp) -> String {
        let stamp = time.description.prefix(16)  // YYYY-MM-DD HH:MM
        let by = author.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        return "[\(stamp)\(by)] \(text)"
    }

    /// existing + "\n" + line, or line alone when existing is nil/empty.
    static func appending(_ line: String, to existing: String?) -> String {
        guard let existing, !existing.isEmpty else { return line }
        return existing + "\n" + line
    }
}
