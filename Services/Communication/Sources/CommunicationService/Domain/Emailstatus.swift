internal import Shared

/// The life cycle of an email (communication.md §1, §6): `Entwurf` (draft) → `In_Warteschlange`
/// (queued) → `Wird_gesendet` (claimed by a queue worker) → `Gesendet` / `Fehlgeschlagen`.
/// Staff may set any status at any time (no transition rules).
enum Emailstatus: String, Vocabulary {
    case entwurf = "Entwurf"
    case inWarteschlange = "In_Warteschlange"
    case wirdGesendet = "Wird_gesendet"
    case gesendet = "Gesendet"
    case fehlgeschlagen = "Fehlgeschlagen"

    static let label = "status"

    /// `Invalid status '<v>'. Valid values: ['Entwurf', …]`: the original's Python-list style.
    static func invalidStatusMessage(_ value: String) -> String {
        "Invalid status '\(value)'. Valid values: [" + allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + "]"
    }

    /// The status named `text`, or the 400 with the exact message.
    static func parse(_ text: String) throws(EmailError) -> Emailstatus {
        guard let status = Emailstatus(rawValue: text) else { throw .invalid(invalidStatusMessage(text)) }
        return status
    }
}
