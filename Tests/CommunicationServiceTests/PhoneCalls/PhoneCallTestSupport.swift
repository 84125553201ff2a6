import Testing
import Shared
import TestSupport
@testable import CommunicationService

/// A therapist, patient or inquiry id no other test uses (the suites share one database).
func uniquePhoneCallID() -> Int { Int.random(in: 10_000_000...2_000_000_000) }

extension CommunicationFixture {
    /// POSTs `body` and expects 201; the created call.
    func createCall(_ body: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let response = try await api.call(.post, "/api/phone-calls", json: body)
        #expect(response.status == 201, "\(response.text)", sourceLocation: sourceLocation)
        return response.json
    }

    /// The last-contact PATCHes the patient stub received for `patientID`.
    func lastContactPatches(_ patientID: Int) -> [PeerStub.Received] {
        patient.received.filter { $0.method == .patch && $0.target == "/api/patients/\(patientID)/last-contact" }
    }
}

extension LocalDate {
    func plusDays(_ count: Int) -> LocalDate {
        var date = self
        for _ in 0..<count { date = date.nextDay() }
        return date
    }
}

/// `Mon, 09 Jun 2025 10:30:00 -0000`.
func isRFC822(_ value: JSONValue?) -> Bool {
    guard let text = value?.stringValue, let regex = try? Regex(
        #"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} -0000"#)
    else { return false }
    return text.wholeMatch(of: regex) != nil
}
