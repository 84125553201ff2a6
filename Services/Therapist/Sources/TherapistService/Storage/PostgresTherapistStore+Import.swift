internal import Shared

extension PostgresTherapistStore {
    /// One round trip: the primary match (vorname, nachname, plz) first, then the secondary
    /// (vorname, plz, ort, strasse, titel, and email when given); lowest id within each. `=`
    /// never matches NULL, so `""` matches only `""`.
    public func importMatch(_ key: TherapistMatchKey) async throws -> Therapist? {
        let email = key.email?.isEmpty == false ? key.email : nil
        return try await db.query("""
            SELECT \(TherapistColumns.list) FROM therapist_service.therapeuten
             WHERE vorname = \(key.vorname)::text AND plz = \(key.plz)::text
               AND (nachname = \(key.nachname)::text
                    OR (ort = \(key.ort)::text AND strasse = \(key.strasse)::text AND titel = \(key.titel)::text
                        AND (\(email)::text IS NULL OR email = \(email)::text)))
             ORDER BY (nachname = \(key.nachname)::text) DESC, id
             LIMIT 1
            """).first.map(TherapistColumns.therapist)
    }
}
