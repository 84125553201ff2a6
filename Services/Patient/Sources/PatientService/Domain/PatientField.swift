internal import Shared

/// The writable fields of a patient in declaration order: the order in which requests are
/// parsed and validated, so the first failure reported is the spec's (patient.md §2.2).
public enum PatientField: String, CaseIterable, Sendable {
    case anrede, geschlecht, vorname, nachname, strasse, plz, ort, email, telefon, hausarzt, krankenkasse
    case krankenversicherungsnummer, geburtsdatum, symptome
    case erfahrungMitPsychotherapie = "erfahrung_mit_psychotherapie"
    case letzteSitzungVorherigePsychotherapie = "letzte_sitzung_vorherige_psychotherapie"
    case vertraegeUnterschrieben = "vertraege_unterschrieben"
    case ersterTherapieplatzAm = "erster_therapieplatz_am"
    case funktionierenderTherapieplatzAm = "funktionierender_therapieplatz_am"
    case status
    case empfehlerDerUnterstuetzung = "empfehler_der_unterstuetzung"
    case zahlungsreferenz
    case zahlungEingegangen = "zahlung_eingegangen"
    case zeitlicheVerfuegbarkeit = "zeitliche_verfuegbarkeit"
    case raeumlicheVerfuegbarkeit = "raeumliche_verfuegbarkeit"
    case verkehrsmittel
    case offenFuerGruppentherapie = "offen_fuer_gruppentherapie"
    case offenFuerDiga = "offen_fuer_diga"
    case ausgeschlosseneTherapeuten = "ausgeschlossene_therapeuten"
    case bevorzugtesTherapeutengeschlecht = "bevorzugtes_therapeutengeschlecht"
    case bevorzugtesTherapieverfahren = "bevorzugtes_therapieverfahren"

    /// How each field is read and checked, in declaration order.
    static let schema = InputSchema(allCases.map(\.input))

    var input: InputField {
        switch self {
        case .anrede: .vocabulary(rawValue, Anrede.self, emptyIsAbsent: false, requiredHelp: "Anrede is required")
        case .geschlecht: .vocabulary(rawValue, Geschlecht.self, emptyIsAbsent: false, requiredHelp: "Geschlecht is required")
        case .vorname: InputField(rawValue, .text(maxLength: 100), requiredHelp: "Vorname is required")
        case .nachname: InputField(rawValue, .text(maxLength: 100), requiredHelp: "Nachname is required")
        case .status: .vocabulary(rawValue, Patientenstatus.self, emptyIsAbsent: true)
        case .bevorzugtesTherapeutengeschlecht: .vocabulary(rawValue, Therapeutgeschlechtspraeferenz.self, emptyIsAbsent: true)
        case .bevorzugtesTherapieverfahren: .vocabulary(rawValue, Therapieverfahren.self, emptyIsAbsent: true)
        case .ort, .krankenkasse: InputField(rawValue, .text(maxLength: 100))
        case .strasse, .email, .hausarzt: InputField(rawValue, .text(maxLength: 255))
        case .plz: InputField(rawValue, .text(maxLength: 10))
        case .telefon, .krankenversicherungsnummer, .verkehrsmittel: InputField(rawValue, .text(maxLength: 50))
        case .zahlungsreferenz: InputField(rawValue, .text(maxLength: 8))
        case .empfehlerDerUnterstuetzung: InputField(rawValue, .text(maxLength: nil))
        case .geburtsdatum, .letzteSitzungVorherigePsychotherapie, .ersterTherapieplatzAm, .funktionierenderTherapieplatzAm:
            InputField(rawValue, .date)
        case .erfahrungMitPsychotherapie, .vertraegeUnterschrieben, .zahlungEingegangen, .offenFuerGruppentherapie,
             .offenFuerDiga: InputField(rawValue, .bool)
        case .symptome: InputField(rawValue, .custom(problem: Symptom.problem(with:)))
        case .zeitlicheVerfuegbarkeit, .raeumlicheVerfuegbarkeit: InputField(rawValue, .object)
        case .ausgeschlosseneTherapeuten: InputField(rawValue, .array)
        }
    }
}
