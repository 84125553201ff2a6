public import Shared

/// The matching service as the therapist service sees it.
public protocol InquiryRegistry: Sendable {
    /// Whether the matching service lists Therapeutenanfragen for the therapist: true when it
    /// answers 200 with a non-empty `data` array, false for 200 with an empty one; a failure
    /// or any other answer throws.
    func hasInquiries(therapist: TherapistID) async throws(PeerError) -> Bool
}

/// The communication service as the therapist service sees it.
public protocol CommunicationGateway: Sendable {
    /// The first page of the therapist's emails (`GET /api/emails?therapist_id=`); empty on a non-OK answer.
    func emails(therapist: TherapistID) async throws(PeerError) -> [JSONValue]
    /// The first page of the therapist's phone calls; empty on a non-OK answer.
    func phoneCalls(therapist: TherapistID) async throws(PeerError) -> [JSONValue]
    /// Sends a system notification (`POST /api/system-messages`); throws on any failure.
    func notifySystem(subject: String, message: String, senderName: String) async throws(PeerError)
}
