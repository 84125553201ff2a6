/// The vocabularies several services store (spec README §7): each service still declares the
/// PostgreSQL enum in its own schema; the spellings and messages exist once.

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

/// Therapy procedure (`therapieverfahren`).
public enum Therapieverfahren: String, Vocabulary {
    case egal, verhaltenstherapie = "Verhaltenstherapie"
    case tiefenpsychologisch = "tiefenpsychologisch_fundierte_Psychotherapie"
    public static let label = "therapy method"
}
