public import Shared

/// A patient as the texts of the wire object (patient.md §1), in its key order: what a stored
/// row holds in PostgreSQL's text format and what a `Patient` turns into. Both the read
/// endpoints (straight from rows) and the write endpoints (from `Patient`) render it with the
/// same writer, so the key list and the value formats exist once.
public struct PatientRecord: Sendable, Equatable {
    /// Every key of the wire object, in order, with the kind of its value. The keys are also the
    /// column names of `patient_service.patienten`.
    public static let layout = TextRecordLayout([
        ("id", .number), ("anrede", .text), ("geschlecht", .text), ("vorname", .text), ("nachname", .text),
        ("strasse", .text), ("plz", .text), ("ort", .text), ("email", .text), ("telefon", .text), ("hausarzt", .text),
        ("krankenkasse", .text), ("krankenversicherungsnummer", .text), ("geburtsdatum", .text), ("symptome", .json),
        ("erfahrung_mit_psychotherapie", .bool), ("letzte_sitzung_vorherige_psychotherapie", .text),
        ("vertraege_unterschrieben", .bool), ("startdatum", .text), ("erster_therapieplatz_am", .text),
        ("funktionierender_therapieplatz_am", .text), ("status", .text), ("empfehler_der_unterstuetzung", .text),
        ("zahlungsreferenz", .text), ("zahlung_eingegangen", .bool), ("zeitliche_verfuegbarkeit", .json),
        ("raeumliche_verfuegbarkeit", .json), ("verkehrsmittel", .text), ("offen_fuer_gruppentherapie", .bool),
        ("offen_fuer_diga", .bool), ("letzter_kontakt", .text), ("ausgeschlossene_therapeuten", .json),
        ("bevorzugtes_therapeutengeschlecht", .text), ("bevorzugtes_therapieverfahren", .text),
        ("created_at", .text), ("updated_at", .text),
    ])

    /// One text per `layout` entry (nil: null); booleans as `t`/`f`, dates as `YYYY-MM-DD`.
    public let values: [String?]

    /// A record from texts in `layout` order.
    public init(values: [String?]) {
        precondition(values.count == Self.layout.keys.count, "a patient record has one value per key")
        self.values = values
    }

    /// The record of a patient.
    public init(_ p: Patient) {
        func flag(_ value: Bool?) -> String? { value.map { $0 ? "t" : "f" } }
        func json(_ value: JSONValue?) -> String? { value.map { JSONWriter().string($0) } }
        self.init(values: [
            String(p.id), p.anrede.rawValue, p.geschlecht.rawValue, p.vorname, p.nachname, p.strasse, p.plz, p.ort,
            p.email, p.telefon, p.hausarzt, p.krankenkasse, p.krankenversicherungsnummer, p.geburtsdatum?.description,
            json(p.symptome), flag(p.erfahrungMitPsychotherapie), p.letzteSitzungVorherigePsychotherapie?.description,
            flag(p.vertraegeUnterschrieben), p.startdatum?.description, p.ersterTherapieplatzAm?.description,
            p.funktionierenderTherapieplatzAm?.description, p.status?.rawValue, p.empfehlerDerUnterstuetzung,
            p.zahlungsreferenz, flag(p.zahlungEingegangen), json(p.zeitlicheVerfuegbarkeit),
            json(p.raeumlicheVerfuegbarkeit), p.verkehrsmittel, flag(p.offenFuerGruppentherapie), flag(p.offenFuerDiga),
            p.letzterKontakt?.description, json(p.ausgeschlosseneTherapeuten), p.bevorzugtesTherapeutengeschlecht?.rawValue,
            p.bevorzugtesTherapieverfahren?.rawValue, p.createdAt?.description, p.updatedAt?.description,
        ])
    }
}
