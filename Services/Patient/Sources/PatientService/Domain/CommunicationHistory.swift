public import Shared

/// The merged email and phone history of a patient (patient.md §2.7).
public struct CommunicationHistory: Sendable, Equatable {
    public var patientID: PatientID
    public var patientName: String
    public var lastContact: LocalDate?
    public var totalEmails: Int
    public var totalCalls: Int
    /// Items newest first by their `date` string (plain string comparison, missing dates last).
    public var communications: [JSONValue]

    /// Merges the communication service's lists for `patient`.
    public init(patient: Patient, emails: [JSONValue], calls: [JSONValue]) {
        patientID = patient.id
        patientName = patient.fullName
        lastContact = patient.letzterKontakt
        totalEmails = emails.count
        totalCalls = calls.count
        communications = CommunicationTimeline.merge(emails: emails, calls: calls)
    }
}
