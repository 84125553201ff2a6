internal import Shared

/// Import error notifications: communication `POST /api/system-messages` with subject
/// `Patient Import Error - <subject>` from `Patient Import System`; failures are logged only.
struct ImportNotifier: Sendable {
    let communication: any CommunicationGateway
    let logger: Logger

    func notify(_ subject: String, _ message: String) async {
        do {
            try await communication.notifySystem(subject: "Patient Import Error - \(subject)", message: message,
                                                 senderName: "Patient Import System")
        } catch {
            logger.error("import notification not sent", ["subject": subject, "error": error.description])
        }
    }
}
