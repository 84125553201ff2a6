internal import Shared

/// How a therapist call without a time gets one (communication.md §3.3 step 4).
///
/// ⚠ Kept from the original on purpose: the candidate day is the requested (or default) date
/// **plus one day**. Without a date the call therefore lands on the day after tomorrow, and an
/// explicit date without a time is shifted by one day. The frontend and the matching service
/// were built against this behaviour. The call is stored on the candidate day.
///
/// On the candidate day, `10:00` is taken when no call of the therapist at exactly that day
/// and time has a status other than `abgebrochen`; otherwise `14:00` under the same rule;
/// otherwise there is no slot (400). Patient calls do not use the finder (always `10:00` on
/// the requested date, without a check).
struct PhoneCallSlotFinder: Sendable, Equatable {
    /// The candidate times, in order of preference.
    static let candidates = [PhoneCallTime(hour: 10, minute: 0)!, PhoneCallTime(hour: 14, minute: 0)!]
    /// A call with this status does not block its slot.
    static let nonBlocking = PhoneCallStatus.abgebrochen

    let therapistID: Int
    /// The day the call is stored on: the requested date + 1 (see above).
    let day: LocalDate

    init(therapistID: Int, requestedDate: LocalDate) {
        self.therapistID = therapistID
        day = requestedDate.nextDay()
    }

    /// The first candidate not in `taken` (the blocking times already booked for the
    /// therapist on `day`), or nil when both are booked.
    func firstFree(taken: Set<PhoneCallTime>) -> PhoneCallTime? {
        Self.candidates.first { !taken.contains($0) }
    }
}
