internal import Shared

/// Every stored column except `id`, and the parameters that write a `Patient` into them.
enum PatientWrite {
    static let columns: SQL = """
        anrede, geschlecht, vorname, nachname, strasse, plz, ort, email, telefon, hausarzt, krankenkasse, \
        krankenversicherungsnummer, geburtsdatum, symptome, erfahrung_mit_psychotherapie, \
        letzte_sitzung_vorherige_psychotherapie, vertraege_unterschrieben, startdatum, erster_therapieplatz_am, \
        funktionierender_therapieplatz_am, status, empfehler_der_unterstuetzung, zahlungsreferenz, \
        zahlung_eingegangen, zeitliche_verfuegbarkeit, raeumliche_verfuegbarkeit, verkehrsmittel, \
        offen_fuer_gruppentherapie, offen_fuer_diga, letzter_kontakt, ausgeschlossene_therapeuten, \
        bevorzugtes_therapeutengeschlecht, bevorzugtes_therapieverfahren, created_at, updated_at
        """

    static func values(_ p: Patient) -> SQL {
        """
        \(p.anrede.rawValue)::patient_service.anrede, \(p.geschlecht.rawValue)::patient_service.geschlecht, \
        \(p.vorname)::text, \(p.nachname)::text, \(p.strasse)::text, \(p.plz)::text, \(p.ort)::text, \
        \(p.email)::text, \(p.telefon)::text, \(p.hausarzt)::text, \(p.krankenkasse)::text, \
        \(p.krankenversicherungsnummer)::text, \(p.geburtsdatum)::date, \(json(p.symptome))::jsonb, \
        \(p.erfahrungMitPsychotherapie)::boolean, \(p.letzteSitzungVorherigePsychotherapie)::date, \
        \(p.vertraegeUnterschrieben)::boolean, \(p.startdatum)::date, \(p.ersterTherapieplatzAm)::date, \
        \(p.funktionierenderTherapieplatzAm)::date, \(p.status?.rawValue)::patient_service.patientenstatus, \
        \(p.empfehlerDerUnterstuetzung)::text, \(p.zahlungsreferenz)::text, \(p.zahlungEingegangen)::boolean, \
        \(json(p.zeitlicheVerfuegbarkeit))::jsonb, \(json(p.raeumlicheVerfuegbarkeit))::jsonb, \
        \(p.verkehrsmittel)::text, \(p.offenFuerGruppentherapie)::boolean, \(p.offenFuerDiga)::boolean, \
        \(p.letzterKontakt)::date, \(json(p.ausgeschlosseneTherapeuten))::jsonb, \
        \(p.bevorzugtesTherapeutengeschlecht?.rawValue)::patient_service.therapeutgeschlechtspraeferenz, \
        \(p.bevorzugtesTherapieverfahren?.rawValue)::patient_service.therapieverfahren, \
        \(p.createdAt)::date, \(p.updatedAt)::date
        """
    }

    static func json(_ value: JSONValue?) -> String? { value.map { JSONWriter().string($0) } }
}
