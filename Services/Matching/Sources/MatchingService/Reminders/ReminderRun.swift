internal import Shared

/// One run of the daily follow-up reminders (§7): each anfrage sent by email at least
/// `FOLLOW_UP_THRESHOLD_DAYS` ago and still unanswered gets one reminder email, or a phone call
/// when the therapist has no email; each is committed on its own, failures skip to the next.
struct ReminderRun: Sendable {
    let anfragen: PostgresAnfrageStore
    let peers: MatchingPeerSet
    let emails: MatchingEmails
    let phoneCalls: PhoneCallPlanner
    let threshold: Int
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp

    struct Outcome: Sendable, Equatable {
        var candidates = 0
        var emails = 0
        var phoneCalls = 0
        var skipped = 0
    }

    func run() async -> Outcome {
        var outcome = Outcome()
        let now = clock()
        let due: [Therapeutenanfrage]
        do { due = try await anfragen.reminderCandidates(threshold: threshold, now: now) } catch {
            logger.error("reminder candidates not read", ["error": String(describing: error)])
            return outcome
        }
        outcome.candidates = due.count
        for anfrage in due {
            do {
                switch try await remind(anfrage, now: now) {
                case .email: outcome.emails += 1
                case .phoneCall: outcome.phoneCalls += 1
                case .none: outcome.skipped += 1
                }
            } catch {
                outcome.skipped += 1
                logger.warning("reminder skipped", ["anfrage_id": String(anfrage.id), "error": String(describing: error)])
            }
        }
        logger.info("follow-up reminders", ["candidates": String(outcome.candidates), "emails": String(outcome.emails),
                                            "phone_calls": String(outcome.phoneCalls), "skipped": String(outcome.skipped)])
        return outcome
    }

    enum Kind { case email, phoneCall }

    func remind(_ anfrage: Therapeutenanfrage, now: UTCTimestamp) async throws -> Kind? {
        guard let therapist = try await peers.therapists.therapist(anfrage.therapistID) else { return nil }
        guard therapist.text("email") != nil else {
            let call = try await phoneCalls.schedule(therapist: therapist, anfrageID: anfrage.id, failure: "Phone call scheduling failed")
            return try await anfragen.storeReminder(anfrage.id, emailID: nil, phoneCallID: call) ? .phoneCall : nil
        }
        guard let detail = try await anfragen.find(anfrage.id) else { return nil }
        let found = try await peers.patients.patients(ids: detail.entries.map(\.patientID))
        let patients = detail.entries.compactMap { found[$0.patientID] }
        guard patients.count == anfrage.anfragegroesse, !patients.isEmpty else { return nil }  // §8.2: all fetchable
        let rendered = try emails.reminder(anfrageID: anfrage.id, therapist: therapist, patients: patients,
                                           daysSinceSent: anfrage.tageSeitVersand(now: now) ?? 0, today: now.date)
        let emailID = try await peers.communication.createEmail(InquiryMail.body(therapist: therapist, rendered: rendered))
        guard try await anfragen.storeReminder(anfrage.id, emailID: emailID, phoneCallID: nil) else { return nil }
        do { try await peers.communication.queueEmail(emailID) } catch {
            logger.warning("reminder email not queued", ["anfrage_id": String(anfrage.id), "error": error.description])
        }
        return .email
    }
}
