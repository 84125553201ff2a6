internal import Shared

/// The `therapeuten` columns in the order of the response object (therapist.md §1), how a row
/// becomes a `Therapist`, and how a `Therapist` is written.
enum TherapistColumns {
    /// Every column; `id` first.
    static let list: SQL = """
        id, anrede, geschlecht, titel, vorname, nachname, strasse, plz, ort, telefon, fax, email, webseite, \
        kassensitz, telefonische_erreichbarkeit, fremdsprachen, psychotherapieverfahren, zusatzqualifikationen, \
        besondere_leistungsangebote, letzter_kontakt_email, letzter_kontakt_telefon, letztes_persoenliches_gespraech, \
        potenziell_verfuegbar, potenziell_verfuegbar_notizen, ueber_curavani_informiert, naechster_kontakt_moeglich, \
        bevorzugte_diagnosen, alter_min, alter_max, geschlechtspraeferenz, arbeitszeiten, bevorzugt_gruppentherapie, \
        status, sperrgrund, sperrdatum, created_at, updated_at
        """

    /// Every stored column except `id`, in the order of `values(_:)`.
    static let writable: SQL = """
        anrede, geschlecht, titel, vorname, nachname, strasse, plz, ort, telefon, fax, email, webseite, \
        kassensitz, telefonische_erreichbarkeit, fremdsprachen, psychotherapieverfahren, zusatzqualifikationen, \
        besondere_leistungsangebote, letzter_kontakt_email, letzter_kontakt_telefon, letztes_persoenliches_gespraech, \
        potenziell_verfuegbar, potenziell_verfuegbar_notizen, ueber_curavani_informiert, naechster_kontakt_moeglich, \
        bevorzugte_diagnosen, alter_min, alter_max, geschlechtspraeferenz, arbeitszeiten, bevorzugt_gruppentherapie, \
        status, sperrgrund, sperrdatum, created_at, updated_at
        """

    /// The parameters that write `t` into `writable`.
    static func values(_ t: Therapist) -> SQL {
        """
        \(t.anrede.rawValue)::therapist_service.anrede, \(t.geschlecht.rawValue)::therapist_service.geschlecht, \
        \(t.titel)::text, \(t.vorname)::text, \(t.nachname)::text, \(t.strasse)::text, \(t.plz)::text, \(t.ort)::text, \
        \(t.telefon)::text, \(t.fax)::text, \(t.email)::text, \(t.webseite)::text, \(t.kassensitz)::boolean, \
        \(json(t.telefonischeErreichbarkeit))::jsonb, \(json(t.fremdsprachen))::jsonb, \
        \(t.psychotherapieverfahren?.rawValue)::therapist_service.therapieverfahren, \(t.zusatzqualifikationen)::text, \
        \(t.besondereLeistungsangebote)::text, \(t.letzterKontaktEmail)::date, \(t.letzterKontaktTelefon)::date, \
        \(t.letztesPersoenlichesGespraech)::date, \(t.potenziellVerfuegbar)::boolean, \
        \(t.potenziellVerfuegbarNotizen)::text, \(t.ueberCuravaniInformiert)::boolean, \
        \(t.naechsterKontaktMoeglich)::date, \(json(t.bevorzugteDiagnosen))::jsonb, \(t.alterMin)::integer, \
        \(t.alterMax)::integer, \(t.geschlechtspraeferenz)::text, \(json(t.arbeitszeiten))::jsonb, \
        \(t.bevorzugtGruppentherapie)::boolean, \(t.status?.rawValue)::therapist_service.therapeutstatus, \
        \(t.sperrgrund)::text, \(t.sperrdatum)::date, \(t.createdAt)::date, \(t.updatedAt)::date
        """
    }

    static func json(_ value: JSONValue?) -> String? { value.map { JSONWriter().string($0) } }

    /// Decodes a row selected with `list` (by position, in that order).
    static func therapist(_ row: PostgresRow) throws -> Therapist {
        var r = PostgresRowReader(row: row, startingAt: 1)
        var t = Therapist(anrede: try r.vocabulary(), geschlecht: try r.vocabulary(), vorname: "", nachname: "", createdAt: nil)
        t.id = try row.decode(at: 0)
        t.titel = try r.next()
        t.vorname = try r.next()
        t.nachname = try r.next()
        t.strasse = try r.next()
        t.plz = try r.next()
        t.ort = try r.next()
        t.telefon = try r.next()
        t.fax = try r.next()
        t.email = try r.next()
        t.webseite = try r.next()
        t.kassensitz = try r.next()
        t.telefonischeErreichbarkeit = try r.json()
        t.fremdsprachen = try r.json()
        t.psychotherapieverfahren = try r.optionalVocabulary()
        t.zusatzqualifikationen = try r.next()
        t.besondereLeistungsangebote = try r.next()
        t.letzterKontaktEmail = try r.next()
        t.letzterKontaktTelefon = try r.next()
        t.letztesPersoenlichesGespraech = try r.next()
        t.potenziellVerfuegbar = try r.next()
        t.potenziellVerfuegbarNotizen = try r.next()
        t.ueberCuravaniInformiert = try r.next()
        t.naechsterKontaktMoeglich = try r.next()
        t.bevorzugteDiagnosen = try r.json()
        t.alterMin = try r.next()
        t.alterMax = try r.next()
        t.geschlechtspraeferenz = try r.next()
        t.arbeitszeiten = try r.json()
        t.bevorzugtGruppentherapie = try r.next()
        t.status = try r.optionalVocabulary()
        t.sperrgrund = try r.next()
        t.sperrdatum = try r.next()
        t.createdAt = try r.next()
        t.updatedAt = try r.next()
        return t
    }
}
