internal import Shared

/// §4 `GET /api/therapeuten-zur-auswahl`: one therapist-service call and one query.
struct SelectionWorkflow: Sendable {
    let anfragen: PostgresAnfrageStore
    let therapists: TherapistListCache
    let prefix: PLZPrefixRule
    let today: @Sendable () -> LocalDate

    func select(plzPrefix raw: String?) async throws -> [UInt8] {
        guard let raw else {
            throw MatchingError.missingParameter(field: "plz_prefix", text: "Missing required parameter in the query string")
        }
        let plzPrefix = try prefix.validate(raw)
        let candidates = try await therapists.activeTherapists(plzPrefix: plzPrefix)
        let ids = candidates.compactMap { $0["id"]?.intValue }
        let pending = ids.isEmpty ? [] : try await anfragen.pendingTherapists(among: ids)
        let data = TherapistSelection.select(candidates, pending: pending, today: today())
        return MatchingJSON.bytes(MatchingJSON.object([
            ("plz_prefix", .string(plzPrefix)), ("total", .number(String(data.count))), ("data", .array(data)),
        ]))
    }
}

/// `PLZ_MATCH_DIGITS` ASCII digits exactly (§4, §5).
struct PLZPrefixRule: Sendable {
    let digits: Int

    func validate(_ text: String) throws(MatchingError) -> String {
        guard text.utf8.count == digits, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw MatchingError.invalid("Invalid PLZ prefix. Must be exactly \(digits) digits.")
        }
        return text
    }
}
