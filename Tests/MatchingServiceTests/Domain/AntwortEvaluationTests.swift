import Testing
import Shared
@testable import MatchingService

@Suite("Matching antwort evaluation (§6.4)") struct AntwortEvaluationTests {
    func problem(_ responses: JSONValue, _ ids: [Int]) -> (String, [Problem.Extension])? {
        do { _ = try AntwortEvaluation(responses: responses, bundlePatientIDs: ids); return nil } catch {
            if case .invalid(let message, let extras) = error { return (message, extras) }
            return ("other", [])
        }
    }

    @Test("every patientenergebnis: entry status and counters", arguments: Patientenergebnis.allCases)
    func outcome(_ outcome: Patientenergebnis) throws {
        let evaluation = try AntwortEvaluation(responses: ["5": .string(outcome.rawValue)], bundlePatientIDs: [5])
        #expect(evaluation.outcomes == [5: outcome])
        let expected: [Patientenergebnis: (AnfragePatientStatus?, Int, Int, Int, Antworttyp)] = [
            .angenommen: (.angenommen, 1, 0, 0, .vollstaendigeAnnahme),
            .abgelehntKapazitaet: (.abgelehnt, 0, 1, 0, .vollstaendigeAblehnung),
            .abgelehntNichtGeeignet: (.abgelehnt, 0, 1, 0, .vollstaendigeAblehnung),
            .abgelehntSonstiges: (.abgelehnt, 0, 1, 0, .vollstaendigeAblehnung),
            .nichtErschienen: (.keineAntwort, 0, 0, 1, .keineAntwort),
            .inSitzungen: (nil, 0, 0, 1, .keineAntwort),
        ]
        let (status, accepted, rejected, none, typ) = try #require(expected[outcome])
        #expect(AntwortEvaluation.entryStatus(for: outcome) == status)
        #expect([evaluation.accepted, evaluation.rejected, evaluation.noResponse] == [accepted, rejected, none])
        #expect(evaluation.antworttyp == typ)
    }

    @Test("antworttyp from the new counts; mixed bundles; empty bundle")
    func antworttyp() throws {
        let partial = try AntwortEvaluation(responses: ["1": "angenommen", "2": "abgelehnt_sonstiges", "3": "in_Sitzungen"], bundlePatientIDs: [1, 2, 3])
        #expect(partial.antworttyp == .teilweiseAnnahme)
        #expect([partial.accepted, partial.rejected, partial.noResponse] == [1, 1, 1])
        let mixed = try AntwortEvaluation(responses: ["1": "abgelehnt_Kapazitaet", "2": "nicht_erschienen"], bundlePatientIDs: [2, 1])
        #expect(mixed.antworttyp == .keineAntwort)
        #expect(try AntwortEvaluation(responses: [:], bundlePatientIDs: []).antworttyp == .keineAntwort)
    }

    @Test("validation messages and order: invalid first, then missing, then extra")
    func validation() {
        let valid = Problem.Extension("valid_outcomes", .strings(Patientenergebnis.allCases.map(\.rawValue)))
        #expect(problem(["x": "angenommen"], [1])! == ("Invalid patient response: x -> angenommen", [valid]))
        #expect(problem(["1": "angenommen", "2": "ja", "x": 3], [1])! == ("Invalid patient response: 2 -> ja", [valid]))
        #expect(problem(["1": 3], [1])! == ("Invalid patient response: 1 -> 3", [valid]))
        #expect(problem(["1": .null], [1])! == ("Invalid patient response: 1 -> None", [valid]))
        #expect(problem(["9": "angenommen"], [3, 1])! == ("Missing responses for some patients", [.init("missing_patient_ids", .ints([1, 3]))]))
        #expect(problem(["1": "angenommen", "8": "angenommen", "4": "angenommen"], [1])!
            == ("Responses provided for patients not in anfrage", [.init("extra_patient_ids", .ints([4, 8]))]))
        #expect(problem(["1": "angenommen"], [1]) == nil)
    }
}
