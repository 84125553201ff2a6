internal import Shared

/// The `patienten` columns in the order of the response object (patient.md §1), and how a
/// row becomes a `Patient`.
enum PatientColumns {
    static let list: SQL = """
        id, anrede, geschlecht, vorname, nachname, strasse, plz, ort, email, telefon, hausarzt, \
        krankenkasse, krankenversicherungsnummer, geburtsdatum, symptome, erfahrung_mit_psychotherapie, \
        letzte_sitzung_vorherige_psychotherapie, vertraege_unterschrieben, startdatum, erster_therapieplatz_am, \
        funktionierender_therapieplatz_am, status, empfehler_der_unterstuetzung, zahlungsreferenz, \
        zahlung_eingegangen, zeitliche_verfuegbarkeit, raeumliche_verfuegbarkeit, verkehrsmittel, \
        offen_fuer_gruppentherapie, offen_fuer_diga, letzter_kontakt, ausgeschlossene_therapeuten, \
        bevorzugtes_therapeutengeschlecht, bevorzugtes_therapieverfahren, created_at, updated_at
        """

    /// Decodes a row selected with `list` (by position, in that order).
    static func patient(_ row: PostgresRow) throws -> Patient {
        var reader = PostgresRowReader(row: row, startingAt: 1)
        var patient = Patient(anrede: try reader.vocabulary(), geschlecht: try reader.vocabulary(),
                              vorname: "", nachname: "", createdAt: nil)
        patient.id = try row.decode(at: 0)
        patient.vorname = try reader.next()
        patient.nachname = try reader.next()
        patient.strasse = try reader.next()
        patient.plz = try reader.next()
        patient.ort = try reader.next()
        patient.email = try reader.next()
        patient.telefon = try reader.next()
        patient.hausarzt = try reader.next()
        patient.krankenkasse = try reader.next()
        patient.krankenversicherungsnummer = try reader.next()
        patient.geburtsdatum = try reader.next()
        patient.symptome = try reader.json()
        patient.erfahrungMitPsychotherapie = try reader.next()
        patient.letzteSitzungVorherigePsychotherapie = try reader.next()
        patient.vertraegeUnterschrieben = try reader.next()
        patient.startdatum = try reader.next()
        patient.ersterTherapieplatzAm = try reader.next()
        patient.funktionierenderTherapieplatzAm = try reader.next()
        patient.status = try reader.optionalVocabulary()
        patient.empfehlerDerUnterstuetzung = try reader.next()
        patient.zahlungsreferenz = try reader.next()
        patient.zahlungEingegangen = try reader.next()
        patient.zeitlicheVerfuegbarkeit = try reader.json()
        patient.raeumlicheVerfuegbarkeit = try reader.json()
        patient.verkehrsmittel = try reader.next()
        patient.offenFuerGruppentherapie = try reader.next()
        patient.offenFuerDiga = try reader.next()
        patient.letzterKontakt = try reader.next()
        patient.ausgeschlosseneTherapeuten = try reader.json()
        patient.bevorzugtesTherapeutengeschlecht = try reader.optionalVocabulary()
        patient.bevorzugtesTherapieverfahren = try reader.optionalVocabulary()
        patient.createdAt = try reader.next()
        patient.updatedAt = try reader.next()
        return patient
    }
}
