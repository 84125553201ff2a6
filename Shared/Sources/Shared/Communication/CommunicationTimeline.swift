/// The merged email and phone-call list of the patient and therapist history endpoints
/// (patient.md §2.7, therapist.md §2.6), built from the communication service's list items.
public enum CommunicationTimeline {
    /// Items newest first by their `date` string (plain string comparison, missing dates last);
    /// equal dates keep emails before calls, each in the service's order.
    public static func merge(emails: [JSONValue], calls: [JSONValue]) -> [JSONValue] {
        let items = emails.map(emailItem) + calls.map(callItem)
        return items.enumerated().sorted { lhs, rhs in
            switch (lhs.element["date"]?.stringValue, rhs.element["date"]?.stringValue) {
            case let (l?, r?): l != r ? l > r : lhs.offset < rhs.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// `{type: "email", id, date (sent, else created), subject, status, response_received, data}`.
    static func emailItem(_ email: JSONValue) -> JSONValue {
        var date: JSONValue = email["created_at"] ?? .null
        if let sent = email["gesendet_am"], !sent.isNull { date = sent }
        return ["type": "email", "id": email["id"] ?? .null, "date": date,
                "subject": email["betreff"] ?? .null, "status": email["status"] ?? .null,
                "response_received": email["antwort_erhalten"] ?? .null, "data": email]
    }

    /// `{type: "phone_call", id, date ("<geplantes_datum> <geplante_zeit>"), status, outcome, data}`.
    static func callItem(_ call: JSONValue) -> JSONValue {
        let day = call["geplantes_datum"]?.pythonText ?? "None", time = call["geplante_zeit"]?.pythonText ?? "None"
        return ["type": "phone_call", "id": call["id"] ?? .null, "date": .string(day + " " + time),
                "status": call["status"] ?? .null, "outcome": call["ergebnis"] ?? .null, "data": call]
    }
}
