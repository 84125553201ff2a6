/// The enums of `matching_service` (matching.md §1), spelled exactly as stored and served.

/// `suchstatus`: the state of a Platzsuche.
enum Suchstatus: String, CaseIterable, Sendable {
    case aktiv, erfolgreich, pausiert, abgebrochen

    /// The list in the spec's Python style: `['aktiv', 'erfolgreich', 'pausiert', 'abgebrochen']`.
    static var pythonList: String { "[" + allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + "]" }

    /// `aktiv` → `pausiert` | `erfolgreich` | `abgebrochen`; `pausiert` → `aktiv` | `abgebrochen`;
    /// `erfolgreich` and `abgebrochen` are terminal; the current status again is never allowed.
    func canChange(to next: Suchstatus) -> Bool {
        switch self {
        case .aktiv: [.pausiert, .erfolgreich, .abgebrochen].contains(next)
        case .pausiert: [.aktiv, .abgebrochen].contains(next)
        case .erfolgreich, .abgebrochen: false
        }
    }
}

/// `antworttyp`: the overall answer of a therapist to an anfrage.
enum Antworttyp: String, CaseIterable, Sendable {
    case vollstaendigeAnnahme = "vollstaendige_Annahme"
    case teilweiseAnnahme = "teilweise_Annahme"
    case vollstaendigeAblehnung = "vollstaendige_Ablehnung"
    case keineAntwort = "keine_Antwort"
}

/// `patientenergebnis`: the therapist's answer for one patient of an anfrage.
enum Patientenergebnis: String, CaseIterable, Sendable {
    case angenommen
    case abgelehntKapazitaet = "abgelehnt_Kapazitaet"
    case abgelehntNichtGeeignet = "abgelehnt_nicht_geeignet"
    case abgelehntSonstiges = "abgelehnt_sonstiges"
    case nichtErschienen = "nicht_erschienen"
    case inSitzungen = "in_Sitzungen"

    /// One of the three `abgelehnt_*` outcomes.
    var isRejection: Bool { [.abgelehntKapazitaet, .abgelehntNichtGeeignet, .abgelehntSonstiges].contains(self) }
}

/// `anfrage_patient_status`: the state of one patient's entry in an anfrage.
enum AnfragePatientStatus: String, CaseIterable, Sendable {
    case anstehend, angenommen, abgelehnt
    case keineAntwort = "keine_antwort"
}
