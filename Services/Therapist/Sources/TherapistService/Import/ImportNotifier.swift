internal import Shared

/// Where the importer's notifications go: communication `POST /api/system-messages`.
public protocol SystemMessages: Sendable {
    /// Sends one message; throws on any failure.
    func send(subject: String, message: String, senderName: String) async throws(SystemMessageError)
}

/// A system message could not be delivered. The text names the failure and endpoint, never bodies.
public struct SystemMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The importer's notifications (therapist.md §5, §6.1, §6.4), sent as `Therapist Import
/// System`; a failure to send is logged only.
struct ImportNotifier: Sendable {
    static let sender = "Therapist Import System"
    let messages: any SystemMessages
    let logger: Logger

    /// The cycle's error summary.
    func summary(_ summary: ImportErrorSummary) async { await send(summary.subject, summary.message) }

    /// An exception ended the cycle.
    func cycleFailed(_ text: String) async {
        await send("Therapist Import Monitor Error", "The therapist import monitor encountered an error:\n\n\(text)")
    }

    private func send(_ subject: String, _ message: String) async {
        do { try await messages.send(subject: subject, message: message, senderName: Self.sender) } catch {
            logger.error("import notification not sent", ["subject": subject, "error": error.description])
        }
    }
}
