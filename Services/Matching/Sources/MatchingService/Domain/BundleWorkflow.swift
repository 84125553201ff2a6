internal import Shared

/// §5 `POST /api/therapeutenanfragen/erstellen-fuer-therapeut`: hard constraints only. One call
/// for the therapist, one for the prefix's patients, one query for their active searches, then
/// distances in order (concurrently, a window at a time) until the bundle is full; the bundle is
/// written in one transaction after every check.
struct BundleWorkflow: Sendable {
    let searches: PostgresSearchStore
    let anfragen: PostgresAnfrageStore
    let peers: MatchingPeerSet
    let constraints: HardConstraints
    let sizes: ClosedRange<Int>
    let today: @Sendable () -> LocalDate

    enum Outcome: Sendable {
        case noEligiblePatients
        case created(anfrageID: Int, patientIDs: [Int])
    }

    func create(therapistID: Int, plzPrefix: String) async throws -> Outcome {
        guard let therapist = try await peers.therapists.therapist(therapistID) else { return .noEligiblePatients }
        let patients = PeerAnswers.byID(try await peers.patients.patients(plzPrefix: plzPrefix)
            .filter { $0["plz"]?.stringValue?.hasPrefix(plzPrefix) == true })
        guard !patients.isEmpty else { return .noEligiblePatients }
        let date = today()
        let candidates = try await searches.activeSearches(patientIDs: Array(patients.keys)).compactMap { search in
            patients[search.patientID].flatMap { patient in
                constraints.passesWithoutDistance(patient: patient, searchExclusions: search.exclusions,
                                                  therapist: therapist, today: date) ? (search, patient) : nil
            }
        }
        let chosen = try await withinReach(candidates, therapist: therapist)
        guard chosen.count >= sizes.lowerBound else { return .noEligiblePatients }
        guard let bundle = try await anfragen.createBundle(therapistID: therapistID, searches: chosen) else {
            return .noEligiblePatients
        }
        return .created(anfrageID: bundle.id, patientIDs: bundle.patientIDs)
    }

    /// The first `sizes.upperBound` candidates (in order) within the patient's travel limit.
    func withinReach(_ candidates: [(ActiveSearch, JSONValue)], therapist: JSONValue) async throws -> [ActiveSearch] {
        var chosen: [ActiveSearch] = [], start = 0
        let maximum = sizes.upperBound
        while chosen.count < maximum, start < candidates.count {
            let window = Array(candidates[start..<min(start + 2 * maximum, candidates.count)])
            start += window.count
            let passes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for (index, candidate) in window.enumerated() {
                    group.addTask { (index, try await reachable(candidate.1, therapist: therapist)) }
                }
                var results = [Bool](repeating: false, count: window.count)
                for try await (index, ok) in group { results[index] = ok }
                return results
            }
            for (index, ok) in passes.enumerated() where ok && chosen.count < maximum { chosen.append(window[index].0) }
        }
        return chosen
    }

    func reachable(_ patient: JSONValue, therapist: JSONValue) async throws -> Bool {
        guard let question = constraints.distanceQuestion(patient: patient, therapist: therapist) else { return true }
        let km = try await peers.distances.distanceKm(from: question.origin, to: question.destination, mode: question.mode)
        return question.passes(distanceKm: km)
    }
}
