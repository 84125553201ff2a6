public import Shared

/// Salutation (`anrede`).
public enum Anrede: String, Vocabulary {
    case herr = "Herr", frau = "Frau"
    public static let label = "anrede"
}

/// Gender (`geschlecht`).
public enum Geschlecht: String, Vocabulary {
    case maennlich = "männlich", weiblich, divers, keineAngabe = "keine_Angabe"
    public static let label = "geschlecht"
}

/// Patient status (`patientenstatus`).
public enum Patientenstatus: String, Vocabulary {
    case offen, aufDerSuche = "auf_der_Suche", inTherapie = "in_Therapie"
    case therapieAbgeschlossen = "Therapie_abgeschlossen", sucheAbgebrochen = "Suche_abgebrochen"
    case therapieAbgebrochen = "Therapie_abgebrochen"
    public static let label = "status"
}

/// Preferred therapist gender (`therapeutgeschlechtspraeferenz`).
public enum Therapeutgeschlechtspraeferenz: String, Vocabulary {
    case maennlich = "Männlich", weiblich = "Weiblich", egal = "Egal"
    public static let label = "gender preference"
}

/// Preferred therapy procedure (`therapieverfahren`).
public enum Therapieverfahren: String, Vocabulary {
    case egal, verhaltenstherapie = "Verhaltenstherapie"
    case tiefenpsychologisch = "tiefenpsychologisch_fundierte_Psychotherapie"
    public static let label = "therapy method"
}
