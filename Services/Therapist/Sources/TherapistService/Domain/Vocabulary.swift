public import Shared

/// Salutation (`therapist_service.anrede`).
public enum Anrede: String, Vocabulary {
    case herr = "Herr", frau = "Frau"
    public static let label = "anrede"
}

/// Gender (`therapist_service.geschlecht`).
public enum Geschlecht: String, Vocabulary {
    case maennlich = "männlich", weiblich, divers, keineAngabe = "keine_Angabe"
    public static let label = "geschlecht"
}

/// Therapy procedure (`therapist_service.therapieverfahren`).
public enum Therapieverfahren: String, Vocabulary {
    case egal, verhaltenstherapie = "Verhaltenstherapie"
    case tiefenpsychologisch = "tiefenpsychologisch_fundierte_Psychotherapie"
    public static let label = "therapy method"
}

/// Therapist status (`therapist_service.therapeutstatus`): only `aktiv` therapists are offered
/// for selection (therapist.md §4.2).
public enum Therapeutstatus: String, Vocabulary {
    case aktiv, gesperrt, inaktiv
    public static let label = "status"
}
