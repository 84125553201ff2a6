public import Shared

/// The merged email and phone history of a therapist (therapist.md §2.6).
public struct TherapistHistory: Sendable, Equatable {
    public var therapistID: TherapistID
    public var therapistName: String
    /// The later of `letzter_kontakt_email` and `letzter_kontakt_telefon`, or the one that is set.
    public var lastContact: LocalDate?
    public var totalEmails: Int
    public var totalCalls: Int
    /// Newest first (`CommunicationTimeline`).
    public var communications: [JSONValue]

    /// Merges the communication service's lists for `therapist`.
    public init(therapist: Therapist, emails: [JSONValue], calls: [JSONValue]) {
        therapistID = therapist.id
        therapistName = therapist.displayName
        lastContact = [therapist.letzterKontaktEmail, therapist.letzterKontaktTelefon].compactMap { $0 }.max()
        totalEmails = emails.count
        totalCalls = calls.count
        communications = CommunicationTimeline.merge(emails: emails, calls: calls)
    }
}
