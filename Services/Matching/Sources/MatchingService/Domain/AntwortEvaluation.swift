internal import Shared

/// §6.4 steps 2–4 and 6, with the fixes: `antworttyp` from the new counts; `nicht_erschienen`
/// and `in_Sitzungen` count as no-response.
struct AntwortEvaluation: Sendable, Equatable {
    let outcomes: [Int: Patientenergebnis]  // by patient id

    /// Validates `patient_responses` against the bundle's patient ids (MatchingError.invalid, §6.4).
    init(responses: JSONValue, bundlePatientIDs: [Int]) throws(MatchingError) {
        let valid = Problem.Extension("valid_outcomes", .strings(Patientenergebnis.allCases.map(\.rawValue)))
        var outcomes: [Int: Patientenergebnis] = [:]
        for (key, value) in Self.uniqueMembers(responses) {
            guard let id = Int(key.trimmingWhitespace()), let outcome = value.stringValue.flatMap(Patientenergebnis.init(rawValue:)) else {
                throw .invalid("Invalid patient response: \(key) -> \(value.pythonText)", [valid])
            }
            outcomes[id] = outcome
        }
        let bundle = Set(bundlePatientIDs), given = Set(outcomes.keys)
        let missing = bundle.subtracting(given).sorted(), extra = given.subtracting(bundle).sorted()
        if !missing.isEmpty { throw .invalid("Missing responses for some patients", [.init("missing_patient_ids", .ints(missing))]) }
        if !extra.isEmpty { throw .invalid("Responses provided for patients not in anfrage", [.init("extra_patient_ids", .ints(extra))]) }
        self.outcomes = outcomes
    }

    var accepted: Int { outcomes.values.filter { $0 == .angenommen }.count }
    var rejected: Int { outcomes.values.filter(\.isRejection).count }
    var noResponse: Int { outcomes.count - accepted - rejected }

    /// All accepted → vollstaendige_Annahme; ≥ 1 → teilweise_Annahme; all rejected →
    /// vollstaendige_Ablehnung; else keine_Antwort. An empty bundle is keine_Antwort.
    var antworttyp: Antworttyp {
        if outcomes.isEmpty { return .keineAntwort }
        if accepted == outcomes.count { return .vollstaendigeAnnahme }
        if accepted > 0 { return .teilweiseAnnahme }
        return rejected == outcomes.count ? .vollstaendigeAblehnung : .keineAntwort
    }

    /// Entry status for an outcome; nil = unchanged (in_Sitzungen).
    static func entryStatus(for outcome: Patientenergebnis) -> AnfragePatientStatus? {
        switch outcome {
        case .angenommen: .angenommen
        case .abgelehntKapazitaet, .abgelehntNichtGeeignet, .abgelehntSonstiges: .abgelehnt
        case .nichtErschienen: .keineAntwort
        case .inSitzungen: nil
        }
    }

    /// Python dict semantics: each key once, at its first position, with its last value.
    private static func uniqueMembers(_ responses: JSONValue) -> [(String, JSONValue)] {
        let members = responses.objectValue?.members ?? []
        var seen = Set<String>()
        return members.compactMap { member in
            seen.insert(member.key).inserted ? (member.key, responses[member.key] ?? .null) : nil
        }
    }
}
