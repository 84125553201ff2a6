internal import Shared

/// The `SELECT` list of an email in `EmailRecord.layout` order, so row values map by position.
enum EmailColumns {
    static let select = SQL(unsafe: """
        id, therapist_id, patient_id, betreff, inhalt_html, inhalt_text, empfaenger_email, empfaenger_name,
        absender_email, absender_name, antwort_erhalten, antwortdatum, antwortinhalt, status, in_warteschlange_am,
        gesendet_am, fehlermeldung, wiederholungsanzahl, created_at, updated_at, attachments
        """)

    /// `select` qualified with the alias `e` (for statements that join).
    static let prefixedSelect = SQL(unsafe: select.text.split(separator: ",").map {
        "e." + String($0).trimmingWhitespace()
    }.joined(separator: ", "))

    /// "Now" as stored: naive UTC.
    static let now = SQL(unsafe: "(now() AT TIME ZONE 'utc')")

    static func record(_ row: PostgresRow) -> EmailRecord {
        EmailRecord(rowValues: (0..<EmailRecord.layout.keys.count).map { row.text(at: $0) })
    }

    /// `attachments` as stored: a JSON array, NULL when empty.
    static func attachments(_ paths: [String]) -> String? {
        paths.isEmpty ? nil : JSONWriter().string(.array(paths.map { .string($0) }))
    }
}
