internal import Shared

/// The importer's notifications (therapist.md §5, §6.1, §6.4): communication
/// `POST /api/system-messages` from `Therapist Import System`; a failure to send is logged only.
struct ImportNotifier: Sendable {
    static let sender = "Therapist Import System"
    let communication: any CommunicationGateway
    let logger: Logger

    /// The cycle's error summary.
    func summary(_ summary: ImportErrorSummary) async { await send(summary.subject, summary.message) }

    /// An exception ended the cycle.
    func cycleFailed(_ text: String) async {
        await send("Therapist Import Monitor Error", "The therapist import monitor encountered an error:\n\n\(text)")
    }

    private func send(_ subject: String, _ message: String) async {
        do { try await communication.notifySystem(subject: subject, message: message, senderName: Self.sender) } catch {
            logger.error("import notification not sent", ["subject": subject, "error": error.description])
        }
    }
}
