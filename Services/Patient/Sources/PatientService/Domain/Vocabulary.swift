public import Shared

// `Anrede`, `Geschlecht` and `Therapieverfahren` come from Shared (README §7).


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
