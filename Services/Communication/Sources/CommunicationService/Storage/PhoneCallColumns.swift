internal import Shared

extension PhoneCallTime: PostgresTextEncodable, PostgresTextDecodable {
    /// `HH:MM:00` for a `time` parameter.
    var postgresText: String? { description + ":00" }
    static var postgresTypeName: String { "time" }
    /// PostgreSQL's `HH:MM:SS[.ffffff]`; seconds are dropped.
    static func decode(postgresText text: String) -> PhoneCallTime? { PhoneCallTime(postgres: text) }
}

/// The `telefonanrufe` columns: how a row becomes a `PhoneCall`, how a call is written, and
/// the record expressions of the read side.
enum PhoneCallColumns {
    static let table: SQL = "communication_service.telefonanrufe"

    /// The raw columns, in the order `call(_:)` reads them.
    static let list: SQL = """
        id, therapist_id, patient_id, therapeutenanfrage_id, geplantes_datum, geplante_zeit, dauer_minuten, \
        tatsaechliches_datum, tatsaechliche_zeit, status, ergebnis, notizen, created_at, updated_at
        """

    /// The wire texts of `PhoneCallRecord.layout`, named like its keys (equal to
    /// `PhoneCallRecord(call)` of the same row; `to_char`'s `Dy`/`Mon` are English without `TM`).
    static let record: SQL = """
        id, NULLIF(therapist_id, 0) AS therapist_id, NULLIF(patient_id, 0) AS patient_id, \
        NULLIF(therapeutenanfrage_id, 0) AS therapeutenanfrage_id, geplantes_datum, \
        to_char(geplante_zeit, 'HH24:MI') AS geplante_zeit, dauer_minuten, tatsaechliches_datum, \
        to_char(tatsaechliche_zeit, 'HH24:MI') AS tatsaechliche_zeit, status, ergebnis, notizen, \
        to_char(created_at, 'Dy, DD Mon YYYY HH24:MI:SS "-0000"') AS created_at, \
        to_char(updated_at, 'Dy, DD Mon YYYY HH24:MI:SS "-0000"') AS updated_at
        """

    /// The columns a new call writes (`created_at` is the column default: now in UTC).
    static let insertable: SQL = """
        therapist_id, patient_id, therapeutenanfrage_id, geplantes_datum, geplante_zeit, dauer_minuten, status, notizen
        """

    static func values(_ call: NewPhoneCall, at time: PhoneCallTime) -> SQL {
        """
        \(call.recipient.therapistID)::integer, \(call.recipient.patientID)::integer, \
        \(call.therapeutenanfrageID)::integer, \(call.geplantesDatum)::date, \(time)::time, \
        \(call.dauerMinuten)::integer, \(call.status.rawValue)::communication_service.telefonanrufstatus, \
        \(call.notizen)::text
        """
    }

    /// The columns an update writes, and their values for `call`.
    static func assignments(_ c: PhoneCall) -> SQL {
        """
        therapeutenanfrage_id = \(c.therapeutenanfrageID)::integer, geplantes_datum = \(c.geplantesDatum)::date, \
        geplante_zeit = \(c.geplanteZeit)::time, dauer_minuten = \(c.dauerMinuten)::integer, \
        tatsaechliches_datum = \(c.tatsaechlichesDatum)::date, tatsaechliche_zeit = \(c.tatsaechlicheZeit)::time, \
        status = \(c.status.rawValue)::communication_service.telefonanrufstatus, ergebnis = \(c.ergebnis)::text, \
        notizen = \(c.notizen)::text, updated_at = now() AT TIME ZONE 'utc'
        """
    }

    /// Decodes a row selected with `list`.
    static func call(_ row: PostgresRow) throws -> PhoneCall {
        var r = PostgresRowReader(row: row)
        let id: Int = try r.next()
        let therapistID: Int? = try r.next()
        let patientID: Int? = try r.next()
        let recipient: PhoneCallRecipient = if let therapistID { .therapist(therapistID) } else { .patient(patientID ?? 0) }
        return PhoneCall(id: id, recipient: recipient, therapeutenanfrageID: try r.next(), geplantesDatum: try r.next(),
                         geplanteZeit: try r.next(), dauerMinuten: try r.next(), tatsaechlichesDatum: try r.next(),
                         tatsaechlicheZeit: try r.next(), status: try r.vocabulary(), ergebnis: try r.next(),
                         notizen: try r.next(), createdAt: try r.next(), updatedAt: try r.next())
    }
}
