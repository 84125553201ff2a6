internal import Shared

extension Therapist {
    /// Sets one field from a validated value (vocabulary texts are exact spellings).
    mutating func set(_ field: TherapistField, _ value: InputValue) {
        switch (field, value) {
        case (.anrede, .text(let v)): anrede = Anrede(rawValue: v) ?? anrede
        case (.geschlecht, .text(let v)): geschlecht = Geschlecht(rawValue: v) ?? geschlecht
        case (.psychotherapieverfahren, .text(let v)): psychotherapieverfahren = Therapieverfahren(rawValue: v) ?? psychotherapieverfahren
        case (.status, .text(let v)): status = Therapeutstatus(rawValue: v) ?? status
        case (.titel, .text(let v)): titel = v
        case (.vorname, .text(let v)): vorname = v
        case (.nachname, .text(let v)): nachname = v
        case (.strasse, .text(let v)): strasse = v
        case (.plz, .text(let v)): plz = v
        case (.ort, .text(let v)): ort = v
        case (.telefon, .text(let v)): telefon = v
        case (.fax, .text(let v)): fax = v
        case (.email, .text(let v)): email = v
        case (.webseite, .text(let v)): webseite = v
        case (.zusatzqualifikationen, .text(let v)): zusatzqualifikationen = v
        case (.besondereLeistungsangebote, .text(let v)): besondereLeistungsangebote = v
        case (.potenziellVerfuegbarNotizen, .text(let v)): potenziellVerfuegbarNotizen = v
        case (.geschlechtspraeferenz, .text(let v)): geschlechtspraeferenz = v
        case (.sperrgrund, .text(let v)): sperrgrund = v
        case (.kassensitz, .bool(let v)): kassensitz = v
        case (.potenziellVerfuegbar, .bool(let v)): potenziellVerfuegbar = v
        case (.ueberCuravaniInformiert, .bool(let v)): ueberCuravaniInformiert = v
        case (.bevorzugtGruppentherapie, .bool(let v)): bevorzugtGruppentherapie = v
        case (.letzterKontaktEmail, .date(let v)): letzterKontaktEmail = v
        case (.letzterKontaktTelefon, .date(let v)): letzterKontaktTelefon = v
        case (.letztesPersoenlichesGespraech, .date(let v)): letztesPersoenlichesGespraech = v
        case (.naechsterKontaktMoeglich, .date(let v)): naechsterKontaktMoeglich = v
        case (.sperrdatum, .date(let v)): sperrdatum = v
        case (.alterMin, .int(let v)): alterMin = v
        case (.alterMax, .int(let v)): alterMax = v
        case (.telefonischeErreichbarkeit, .json(let v)): telefonischeErreichbarkeit = v
        case (.fremdsprachen, .json(let v)): fremdsprachen = v
        case (.bevorzugteDiagnosen, .json(let v)): bevorzugteDiagnosen = v
        case (.arbeitszeiten, .json(let v)): arbeitszeiten = v
        default: assertionFailure("\(field) cannot hold \(value)")
        }
    }
}
