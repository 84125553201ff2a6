/// A closed vocabulary stored as a PostgreSQL enum; raw values are the exact wire spellings.
protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    /// How the field is named in messages, e.g. `anrede` or `gender preference`.
    static var label: String { get }
}

extension Vocabulary {
    /// `Invalid <label> '<value>'. Valid values: a, b, c` (spec patient.md §2.2).
    static func invalidMessage(_ value: String) -> String {
        "Invalid \(label) '\(value)'. Valid values: " + allCases.map(\.rawValue).joined(separator: ", ")
    }
}

/// Salutation (`anrede`).
public enum Anrede: String, Vocabulary {
    case herr = "Herr", frau = "Frau"
    static let label = "anrede"
}

/// Gender (`geschlecht`).
public enum Geschlecht: String, Vocabulary {
    case maennlich = "männlich", weiblich, divers, keineAngabe = "keine_Angabe"
    static let label = "geschlecht"
}

/// Patient status (`patientenstatus`).
public enum Patientenstatus: String, Vocabulary {
    case offen, aufDerSuche = "auf_der_Suche", inTherapie = "in_Therapie"
    case therapieAbgeschlossen = "Therapie_abgeschlossen", sucheAbgebrochen = "Suche_abgebrochen"
    case therapieAbgebrochen = "Therapie_abgebrochen"
    static let label = "status"
}

/// Preferred therapist gender (`therapeutgeschlechtspraeferenz`).
public enum Therapeutgeschlechtspraeferenz: String, Vocabulary {
    case maennlich = "Männlich", weiblich = "Weiblich", egal = "Egal"
    static let label = "gender preference"
}

/// Preferred therapy procedure (`therapieverfahren`).
public enum Therapieverfahren: String, Vocabulary {
    case egal, verhaltenstherapie = "Verhaltenstherapie"
    case tiefenpsychologisch = "tiefenpsychologisch_fundierte_Psychotherapie"
    static let label = "therapy method"
}
