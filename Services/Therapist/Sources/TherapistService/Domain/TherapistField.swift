internal import Shared

/// The writable fields of a therapist in declaration order (therapist.md §2.2): the order in
/// which requests are parsed and validated, so the first failure reported is the spec's.
public enum TherapistField: String, CaseIterable, Sendable {
    case anrede, geschlecht, titel, vorname, nachname, strasse, plz, ort, telefon, fax, email, webseite, kassensitz
    case telefonischeErreichbarkeit = "telefonische_erreichbarkeit"
    case fremdsprachen, psychotherapieverfahren, zusatzqualifikationen
    case besondereLeistungsangebote = "besondere_leistungsangebote"
    case letzterKontaktEmail = "letzter_kontakt_email"
    case letzterKontaktTelefon = "letzter_kontakt_telefon"
    case letztesPersoenlichesGespraech = "letztes_persoenliches_gespraech"
    case potenziellVerfuegbar = "potenziell_verfuegbar"
    case potenziellVerfuegbarNotizen = "potenziell_verfuegbar_notizen"
    case ueberCuravaniInformiert = "ueber_curavani_informiert"
    case naechsterKontaktMoeglich = "naechster_kontakt_moeglich"
    case bevorzugteDiagnosen = "bevorzugte_diagnosen"
    case alterMin = "alter_min"
    case alterMax = "alter_max"
    case geschlechtspraeferenz, arbeitszeiten
    case bevorzugtGruppentherapie = "bevorzugt_gruppentherapie"
    case status, sperrgrund, sperrdatum

    /// How each field is read and checked, in declaration order.
    static let schema = InputSchema(allCases.map(\.input))

    var input: InputField {
        switch self {
        case .anrede: .vocabulary(rawValue, Anrede.self, emptyIsAbsent: false, requiredHelp: "Anrede is required")
        case .geschlecht: .vocabulary(rawValue, Geschlecht.self, emptyIsAbsent: false, requiredHelp: "Geschlecht is required")
        case .vorname: InputField(rawValue, .text(maxLength: 100), requiredHelp: "Vorname is required")
        case .nachname: InputField(rawValue, .text(maxLength: 100), requiredHelp: "Nachname is required")
        case .psychotherapieverfahren: .vocabulary(rawValue, Therapieverfahren.self, emptyIsAbsent: true)
        case .status: .vocabulary(rawValue, Therapeutstatus.self, emptyIsAbsent: true)
        case .titel: InputField(rawValue, .text(maxLength: 20))
        case .ort: InputField(rawValue, .text(maxLength: 100))
        case .strasse, .email, .webseite: InputField(rawValue, .text(maxLength: 255))
        case .plz: InputField(rawValue, .text(maxLength: 10))
        case .telefon, .fax, .geschlechtspraeferenz: InputField(rawValue, .text(maxLength: 50))
        case .zusatzqualifikationen, .besondereLeistungsangebote, .potenziellVerfuegbarNotizen, .sperrgrund:
            InputField(rawValue, .text(maxLength: nil))
        case .letzterKontaktEmail, .letzterKontaktTelefon, .letztesPersoenlichesGespraech, .naechsterKontaktMoeglich,
             .sperrdatum: InputField(rawValue, .date)
        case .kassensitz, .potenziellVerfuegbar, .ueberCuravaniInformiert, .bevorzugtGruppentherapie: InputField(rawValue, .bool)
        case .telefonischeErreichbarkeit, .arbeitszeiten: InputField(rawValue, .object)
        case .fremdsprachen, .bevorzugteDiagnosen: InputField(rawValue, .array)
        case .alterMin, .alterMax: InputField(rawValue, .integer(0...150))
        }
    }
}
