internal import Shared

/// Salutations and the gendered therapist words of matching.md §8.1 and §8.3.
extension EmailFormatting {
    /// Inquiry/reminder greeting by therapist `anrede`: `Sehr geehrte Frau Dr. Muster,`,
    /// `Sehr geehrter Herr Muster,`, otherwise `Sehr geehrte Damen und Herren Muster,`.
    static func therapistSalutation(_ therapist: JSONValue) -> String {
        let opening = switch therapist["anrede"]?.stringValue {
        case "Frau": "Sehr geehrte Frau"
        case "Herr": "Sehr geehrter Herr"
        default: "Sehr geehrte Damen und Herren"
        }
        return opening + " " + titledLastName(therapist) + ","
    }

    /// Patient greeting of the success emails: `Sehr geehrter Herr <nachname>,` for
    /// `geschlecht` `männlich`, otherwise `Sehr geehrte Frau <nachname>,`.
    static func patientSalutation(_ patient: JSONValue) -> String {
        let opening = patient["geschlecht"]?.stringValue == "männlich" ? "Sehr geehrter Herr" : "Sehr geehrte Frau"
        return opening + " " + text(patient["nachname"], or: "") + ","
    }

    /// The greeting of the pre-written email to the therapist: by `geschlecht` `männlich`
    /// `Sehr geehrter Herr`, else `Sehr geehrte Frau`, then `[<titel> ]<nachname>,`.
    static func therapistGreeting(_ therapist: JSONValue) -> String {
        let opening = therapist["geschlecht"]?.stringValue == "männlich" ? "Sehr geehrter Herr" : "Sehr geehrte Frau"
        return opening + " " + titledLastName(therapist) + ","
    }

    /// `[<titel> ]<nachname>`.
    static func titledLastName(_ therapist: JSONValue) -> String {
        [nonEmpty(therapist["titel"]), nonEmpty(therapist["nachname"])].compactMap { $0 }.joined(separator: " ")
    }

    /// The therapist words by `geschlecht` (`weiblich` → female forms), as the template
    /// object `therapeut`: `akkusativ`, `dativ`, `genitiv`, `nominativ`, `dativ_dies`, `wort`.
    static func therapistWords(_ therapist: JSONValue) -> [String: TemplateValue] {
        if therapist["geschlecht"]?.stringValue == "weiblich" {
            return ["akkusativ": "die Therapeutin", "dativ": "der Therapeutin", "genitiv": "der Therapeutin",
                    "nominativ": "Die Therapeutin", "dativ_dies": "dieser Therapeutin", "wort": "Therapeutin"]
        }
        return ["akkusativ": "den Therapeuten", "dativ": "dem Therapeuten", "genitiv": "des Therapeuten",
                "nominativ": "Der Therapeut", "dativ_dies": "diesem Therapeuten", "wort": "Therapeuten"]
    }
}
