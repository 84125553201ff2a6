internal import Shared

/// Records a contact with a patient: patient service `PATCH /api/patients/{id}/last-contact`
/// `{"date": "YYYY-MM-DD"}` (communication.md §2.4 step 4, §3.5). Best effort: the caller has
/// already committed; a failure is logged and never fails the request.
protocol LastContactRecording: Sendable {
    func recordContact(patientID: Int, on date: LocalDate) async
}

/// `LastContactRecording` over HTTP with the spec's 10 s timeout.
struct PatientClient: LastContactRecording {
    let peer: PeerClient
    let logger: Logger

    init(http: HTTPClient, baseURL: String, logger: Logger) {
        peer = PeerClient(name: "patient service", baseURL: baseURL, http: http)
        self.logger = logger
    }

    func recordContact(patientID: Int, on date: LocalDate) async {
        do {
            try await peer.patch("/api/patients/\(patientID)/last-contact", ["date": .string(date.description)],
                                 timeout: .seconds(10))
        } catch {
            logger.warning("last contact not recorded", ["patient_id": String(patientID), "error": error.description])
        }
    }
}
