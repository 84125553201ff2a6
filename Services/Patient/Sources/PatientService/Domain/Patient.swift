public import Shared

/// Identifier of a patient (`patienten.id`).
public typealias PatientID = Int

/// A patient as stored (spec patient.md §1 and §3). JSON-typed columns keep the JSON they hold.
public struct Patient: Sendable, Equatable {
    public var id: PatientID
    public var anrede: Anrede
    public var geschlecht: Geschlecht
    public var vorname: String
    public var nachname: String
    public var strasse: String?
    public var plz: String?
    public var ort: String?
    public var email: String?
    public var telefon: String?
    public var hausarzt: String?
    public var krankenkasse: String?
    public var krankenversicherungsnummer: String?
    public var geburtsdatum: LocalDate?
    public var symptome: JSONValue?
    public var erfahrungMitPsychotherapie: Bool?
    public var letzteSitzungVorherigePsychotherapie: LocalDate?
    public var vertraegeUnterschrieben: Bool?
    public var startdatum: LocalDate?
    public var ersterTherapieplatzAm: LocalDate?
    public var funktionierenderTherapieplatzAm: LocalDate?
    public var status: Patientenstatus?
    public var empfehlerDerUnterstuetzung: String?
    public var zahlungsreferenz: String?
    public var zahlungEingegangen: Bool
    public var zeitlicheVerfuegbarkeit: JSONValue?
    public var raeumlicheVerfuegbarkeit: JSONValue?
    public var verkehrsmittel: String?
    public var offenFuerGruppentherapie: Bool?
    public var offenFuerDiga: Bool?
    public var letzterKontakt: LocalDate?
    public var ausgeschlosseneTherapeuten: JSONValue?
    public var bevorzugtesTherapeutengeschlecht: Therapeutgeschlechtspraeferenz?
    public var bevorzugtesTherapieverfahren: Therapieverfahren?
    public var createdAt: LocalDate?
    public var updatedAt: LocalDate?

    /// A new, unsaved patient with the defaults of a fresh row (id 0 until stored).
    public init(anrede: Anrede, geschlecht: Geschlecht, vorname: String, nachname: String, createdAt: LocalDate?) {
        id = 0
        self.anrede = anrede
        self.geschlecht = geschlecht
        self.vorname = vorname
        self.nachname = nachname
        vertraegeUnterschrieben = false
        status = .offen
        zahlungEingegangen = false
        offenFuerGruppentherapie = false
        offenFuerDiga = false
        ausgeschlosseneTherapeuten = .array([])
        bevorzugtesTherapeutengeschlecht = .egal
        bevorzugtesTherapieverfahren = .egal
        self.createdAt = createdAt
    }

    /// `"<vorname> <nachname>"`.
    public var fullName: String { vorname + " " + nachname }

    /// Group therapy chosen (drives wording and price in emails).
    public var wantsGroupTherapy: Bool { offenFuerGruppentherapie == true }

    /// A voucher booking: the payment reference starts with `V_`.
    public var isVoucherBooking: Bool { zahlungsreferenz?.hasPrefix("V_") == true }
}
