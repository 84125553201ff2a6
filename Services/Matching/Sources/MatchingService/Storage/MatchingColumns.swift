internal import Shared

extension Suchstatus: Vocabulary { static var label: String { "status" } }
extension Antworttyp: Vocabulary { static var label: String { "antworttyp" } }
extension Patientenergebnis: Vocabulary { static var label: String { "antwortergebnis" } }
extension AnfragePatientStatus: Vocabulary { static var label: String { "status" } }

/// The tables of `matching_service` and how their rows are read.
enum MatchingColumns {
    static let searches: SQL = "matching_service.platzsuche"
    static let anfragen: SQL = "matching_service.therapeutenanfrage"
    static let entries: SQL = "matching_service.therapeut_anfrage_patient"

    /// The search columns (alias `s`) plus its entry counts, in the order `search(_:)` reads them.
    static let searchList: SQL = """
        s.id, s.patient_id, s.status, s.created_at, s.updated_at, s.ausgeschlossene_therapeuten, \
        s.erfolgreiche_vermittlung_datum, s.notizen, s.vermittelter_therapeut_id, \
        (SELECT count(*) FILTER (WHERE e.status = 'anstehend') FROM matching_service.therapeut_anfrage_patient e WHERE e.platzsuche_id = s.id), \
        (SELECT count(*) FROM matching_service.therapeut_anfrage_patient e WHERE e.platzsuche_id = s.id)
        """

    static func search(_ row: PostgresRow) throws -> (Platzsuche, SearchCounts) {
        var r = PostgresRowReader(row: row)
        let search = Platzsuche(
            id: try r.next(), patientID: try r.next(), status: try r.vocabulary(), createdAt: try r.next(),
            updatedAt: try r.next(), ausgeschlosseneTherapeuten: json(try r.next()),
            erfolgreicheVermittlungDatum: try r.next(), notizen: try r.next(), vermittelterTherapeutID: try r.next())
        return (search, SearchCounts(active: try r.next(), total: try r.next()))
    }

    /// The anfrage columns (alias `a`), in the order `anfrage(_:)` reads them.
    static let anfrageList: SQL = """
        a.id, a.therapist_id, a.erstellt_datum, a.gesendet_datum, a.antwort_datum, a.antworttyp, a.anfragegroesse, \
        a.angenommen_anzahl, a.abgelehnt_anzahl, a.keine_antwort_anzahl, a.notizen, a.email_id, a.phone_call_id, \
        a.reminder_email_id
        """

    static func anfrage(_ r: inout PostgresRowReader) throws -> Therapeutenanfrage {
        let id: Int = try r.next(), therapistID: Int = try r.next(), erstellt: UTCTimestamp = try r.next()
        let gesendet: UTCTimestamp? = try r.next(), antwort: UTCTimestamp? = try r.next()
        let typ: Antworttyp? = try r.optionalVocabulary()
        return Therapeutenanfrage(
            id: id, therapistID: therapistID, erstelltDatum: erstellt, gesendetDatum: gesendet, antwortDatum: antwort,
            antworttyp: typ, anfragegroesse: try r.next(),
            angenommenAnzahl: try r.next(), abgelehntAnzahl: try r.next(), keineAntwortAnzahl: try r.next(),
            notizen: try r.next(), emailID: try r.next(), phoneCallID: try r.next(), reminderEmailID: try r.next())
    }

    static func anfrage(_ row: PostgresRow) throws -> Therapeutenanfrage {
        var reader = PostgresRowReader(row: row)
        return try anfrage(&reader)
    }

    /// The entry columns (alias `e`, search alias `s`), in the order `entry(_:)` reads them.
    static let entryList: SQL = """
        e.id, e.platzsuche_id, e.patient_id, e.position_in_anfrage, e.status, e.antwortergebnis, e.antwortnotizen, s.created_at
        """

    static func entry(_ row: PostgresRow) throws -> AnfrageEntry {
        var r = PostgresRowReader(row: row)
        let id: Int = try r.next(), search: Int = try r.next(), patient: Int = try r.next(), position: Int = try r.next()
        let status: AnfragePatientStatus = try r.vocabulary()
        let outcome: Patientenergebnis? = try r.optionalVocabulary()
        return AnfrageEntry(id: id, platzsucheID: search, patientID: patient, position: position, status: status,
                            antwortergebnis: outcome,
                            antwortnotizen: try r.next(), searchCreatedAt: try r.next())
    }

    /// Stored JSON text as a value (`[]` when unreadable, which the column's type rules out).
    static func json(_ text: PostgresJSON) -> JSONValue {
        (try? JSONParser.parse(Array(text.text.utf8))) ?? .array([])
    }

    /// A value as JSON text for a `jsonb` parameter.
    static func jsonText(_ value: JSONValue) -> PostgresJSON {
        PostgresJSON(String(decoding: JSONWriter().bytes(value), as: UTF8.self))
    }
}
