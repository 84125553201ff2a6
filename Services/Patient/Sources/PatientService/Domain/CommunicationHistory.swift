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
        let items = emails.map(Self.emailItem) + calls.map(Self.callItem)
        // Stable sort: equal dates keep emails before calls, each in the service's order.
        communications = items.enumerated().sorted { lhs, rhs in
            switch (lhs.element["date"]?.stringValue, rhs.element["date"]?.stringValue) {
            case let (l?, r?): l != r ? l > r : lhs.offset < rhs.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    static func emailItem(_ email: JSONValue) -> JSONValue {
        var date: JSONValue = email["created_at"] ?? .null
        if let sent = email["gesendet_am"], !sent.isNull { date = sent }
        return ["type": "email", "id": email["id"] ?? .null, "date": date,
                "subject": email["betreff"] ?? .null, "status": email["status"] ?? .null,
                "response_received": email["antwort_erhalten"] ?? .null, "data": email]
    }

    static func callItem(_ call: JSONValue) -> JSONValue {
        let day = call["geplantes_datum"]?.pythonText ?? "None", time = call["geplante_zeit"]?.pythonText ?? "None"
        return ["type": "phone_call", "id": call["id"] ?? .null, "date": .string(day + " " + time),
                "status": call["status"] ?? .null, "outcome": call["ergebnis"] ?? .null, "data": call]
    }
}
