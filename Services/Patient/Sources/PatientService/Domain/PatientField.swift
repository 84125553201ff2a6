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

    /// How a field's JSON is read and checked.
    enum Kind: Equatable {
        /// Free text up to `maxLength` characters (nil: unlimited `text`); numbers become text.
        case text(maxLength: Int?)
        /// A closed vocabulary; `emptyIsAbsent` treats `""` as not provided.
        case vocabulary(emptyIsAbsent: Bool)
        case date, bool, symptoms, object, array
    }

    var kind: Kind {
        switch self {
        case .anrede, .geschlecht: .vocabulary(emptyIsAbsent: false)
        case .status, .bevorzugtesTherapeutengeschlecht, .bevorzugtesTherapieverfahren: .vocabulary(emptyIsAbsent: true)
        case .vorname, .nachname, .ort, .krankenkasse: .text(maxLength: 100)
        case .strasse, .email, .hausarzt: .text(maxLength: 255)
        case .plz: .text(maxLength: 10)
        case .telefon, .krankenversicherungsnummer, .verkehrsmittel: .text(maxLength: 50)
        case .zahlungsreferenz: .text(maxLength: 8)
        case .empfehlerDerUnterstuetzung: .text(maxLength: nil)
        case .geburtsdatum, .letzteSitzungVorherigePsychotherapie, .ersterTherapieplatzAm, .funktionierenderTherapieplatzAm: .date
        case .erfahrungMitPsychotherapie, .vertraegeUnterschrieben, .zahlungEingegangen, .offenFuerGruppentherapie,
             .offenFuerDiga: .bool
        case .symptome: .symptoms
        case .zeitlicheVerfuegbarkeit, .raeumlicheVerfuegbarkeit: .object
        case .ausgeschlosseneTherapeuten: .array
        }
    }

    /// The four fields a create requires, with their help texts.
    static let required: [(field: PatientField, help: String)] = [
        (.anrede, "Anrede is required"), (.geschlecht, "Geschlecht is required"),
        (.vorname, "Vorname is required"), (.nachname, "Nachname is required"),
    ]
}
