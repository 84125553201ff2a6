internal import Shared

/// Writes an `AnswerDecision` inside the answer transaction (§6.4 steps 4–6 and 8).
struct AnswerWriter {
    let tx: PostgresTransaction
    let anfrage: Therapeutenanfrage
    let now: UTCTimestamp

    func write(_ d: AnswerDecision) async throws {
        for change in d.entries {
            _ = try await tx.execute("""
                UPDATE \(MatchingColumns.entries) SET antwortergebnis = \(change.outcome.rawValue)::matching_service.patientenergebnis,
                       status = COALESCE(\(change.status?.rawValue)::matching_service.anfrage_patient_status, status)
                 WHERE id = \(change.entryID)::integer
                """)
        }
        let therapist = anfrage.therapistID
        for search in d.exclusions {
            // Skipped when the list already holds the therapist as a plain id or as an object.
            _ = try await tx.execute("""
                UPDATE \(MatchingColumns.searches)
                   SET ausgeschlossene_therapeuten = ausgeschlossene_therapeuten || jsonb_build_array(\(MatchingColumns.jsonText(d.exclusionEntry))::jsonb),
                       updated_at = now() AT TIME ZONE 'utc'
                 WHERE id = \(search)::integer
                   AND NOT (ausgeschlossene_therapeuten @> jsonb_build_array(\(therapist)::integer)
                            OR ausgeschlossene_therapeuten @> jsonb_build_array(jsonb_build_object('id', \(therapist)::integer)))
                """)
        }
        for placement in d.placements {
            _ = try await tx.execute("""
                UPDATE \(MatchingColumns.searches) SET vermittelter_therapeut_id = \(therapist)::integer,
                       notizen = \(Self.appending(d.placementNote)), updated_at = now() AT TIME ZONE 'utc'
                 WHERE id = \(placement.searchID)::integer AND status = 'aktiv'
                """)
        }
        _ = try await tx.execute("""
            UPDATE \(MatchingColumns.anfragen) SET antwort_datum = \(now)::timestamp,
                   angenommen_anzahl = \(d.accepted)::integer, abgelehnt_anzahl = \(d.rejected)::integer,
                   keine_antwort_anzahl = \(d.noResponse)::integer,
                   antworttyp = \(d.antworttyp.rawValue)::matching_service.antworttyp,
                   notizen = \(d.noteLine == nil ? "notizen" as SQL : Self.appending(d.noteLine ?? ""))
             WHERE id = \(anfrage.id)::integer
            """)
    }

    /// `notizen` with `line` appended on a new line (just `line` when empty), as SQL.
    static func appending(_ line: String) -> SQL {
        "CASE WHEN notizen IS NULL OR notizen = '' THEN \(line)::text ELSE notizen || E'\\n' || \(line)::text END"
    }
}
