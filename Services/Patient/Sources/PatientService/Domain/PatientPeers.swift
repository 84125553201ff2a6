public import Shared

/// The matching service as the patient service sees it.
public protocol SearchRegistry: Sendable {
    /// How many Platzsuchen the matching service lists for the patient (first page); nil when it
    /// answered with a non-200 status.
    func searchCount(patient: PatientID) async throws(PeerError) -> Int?
}

/// An email to queue in the communication service.
public struct OutgoingEmail: Sendable, Equatable {
    public var patientID: PatientID
    public var recipientEmail: String
    public var recipientName: String
    public var subject: String
    public var markdown: String

    public init(patientID: PatientID, recipientEmail: String, recipientName: String, subject: String, markdown: String) {
        self.patientID = patientID
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.subject = subject
        self.markdown = markdown
    }
}

/// The communication service as the patient service sees it.
public protocol CommunicationGateway: Sendable {
    /// The first page of the patient's emails (`GET /api/emails?patient_id=`); empty on a non-OK answer.
    func emails(patient: PatientID) async throws(PeerError) -> [JSONValue]
    /// The first page of the patient's phone calls; empty on a non-OK answer.
    func phoneCalls(patient: PatientID) async throws(PeerError) -> [JSONValue]
    /// Queues an email (`POST /api/emails`, status `In_Warteschlange`); throws on any failure.
    func queue(_ email: OutgoingEmail) async throws(PeerError)
    /// Sends a system notification (`POST /api/system-messages`); throws on any failure.
    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError)
}
