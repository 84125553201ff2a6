public import Shared

/// Identifier of a therapist (`therapeuten.id`).
public typealias TherapistID = Int

/// A therapist as stored (therapist.md §1 and §3). JSON-typed columns keep the JSON they hold;
/// the wire shape normalises them (`TherapistRecord`).
public struct Therapist: Sendable, Equatable {
    public var id: TherapistID
    public var anrede: Anrede
    public var geschlecht: Geschlecht
    public var titel: String?
    public var vorname: String
    public var nachname: String
    public var strasse: String?
    public var plz: String?
    public var ort: String?
    public var telefon: String?
    public var fax: String?
    public var email: String?
    public var webseite: String?
    public var kassensitz: Bool?
    public var telefonischeErreichbarkeit: JSONValue?
    public var fremdsprachen: JSONValue?
    public var psychotherapieverfahren: Therapieverfahren?
    public var zusatzqualifikationen: String?
    public var besondereLeistungsangebote: String?
    public var letzterKontaktEmail: LocalDate?
    public var letzterKontaktTelefon: LocalDate?
    public var letztesPersoenlichesGespraech: LocalDate?
    public var potenziellVerfuegbar: Bool?
    public var potenziellVerfuegbarNotizen: String?
    public var ueberCuravaniInformiert: Bool?
    public var naechsterKontaktMoeglich: LocalDate?
    public var bevorzugteDiagnosen: JSONValue?
    public var alterMin: Int?
    public var alterMax: Int?
    public var geschlechtspraeferenz: String?
    public var arbeitszeiten: JSONValue?
    public var bevorzugtGruppentherapie: Bool?
    public var status: Therapeutstatus?
    public var sperrgrund: String?
    public var sperrdatum: LocalDate?
    public var createdAt: LocalDate?
    public var updatedAt: LocalDate?

    /// A new, unsaved therapist with the application defaults of a fresh row (id 0 until stored).
    public init(anrede: Anrede, geschlecht: Geschlecht, vorname: String, nachname: String, createdAt: LocalDate?) {
        id = 0
        self.anrede = anrede
        self.geschlecht = geschlecht
        self.vorname = vorname
        self.nachname = nachname
        kassensitz = true
        telefonischeErreichbarkeit = .object(JSONObject())
        fremdsprachen = .array([])
        psychotherapieverfahren = .egal
        potenziellVerfuegbar = false
        ueberCuravaniInformiert = false
        bevorzugteDiagnosen = .array([])
        arbeitszeiten = .object(JSONObject())
        bevorzugtGruppentherapie = false
        status = .aktiv
        self.createdAt = createdAt
    }

    /// `"<titel> <vorname> <nachname>"` trimmed; without a title `"<vorname> <nachname>"`
    /// (therapist.md §2.6, §2.8).
    public var displayName: String {
        "\(titel ?? "") \(vorname) \(nachname)".trimmingWhitespace()
    }
}
