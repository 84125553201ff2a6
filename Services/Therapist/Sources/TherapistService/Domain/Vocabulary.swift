public import Shared

/// Therapist status (`therapist_service.therapeutstatus`): only `aktiv` therapists are offered
/// for selection (therapist.md §4.2). `Anrede`, `Geschlecht` and `Therapieverfahren` come from
/// Shared (README §7).
public enum Therapeutstatus: String, Vocabulary {
    case aktiv, gesperrt, inaktiv
    public static let label = "status"
}
