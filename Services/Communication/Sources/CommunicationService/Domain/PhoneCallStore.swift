internal import Shared

/// Which side of a call a list is restricted to (`recipient_type`).
enum PhoneCallRecipientType: String, Sendable, Equatable {
    case therapist, patient
}

/// Filters and page of `GET /api/phone-calls` (communication.md §3.2, README §5.3).
struct PhoneCallListQuery: Sendable, Equatable {
    var recipientType: PhoneCallRecipientType?
    var therapistID: Int?
    var patientID: Int?
    var therapeutenanfrageID: Int?
    var status: PhoneCallStatus?
    var geplantesDatum: LocalDate?
    /// The page asked for (clamped).
    var paging: PageRequest

    /// `page` and `limit` are clamped by `PageRequest`; absent or non-integer values fall
    /// back to 1 and 20. With `recipient_type=therapist`
    /// only therapist calls are listed and the `patient_id` filter is dropped; the mirror image
    /// for `patient`.
    init(recipientType: PhoneCallRecipientType? = nil, therapistID: Int? = nil, patientID: Int? = nil,
         therapeutenanfrageID: Int? = nil, status: PhoneCallStatus? = nil, geplantesDatum: LocalDate? = nil,
         page: Int? = nil, limit: Int? = nil) {
        self.recipientType = recipientType
        self.therapistID = recipientType == .patient ? nil : therapistID
        self.patientID = recipientType == .therapist ? nil : patientID
        self.therapeutenanfrageID = therapeutenanfrageID
        self.status = status
        self.geplantesDatum = geplantesDatum
        paging = PageRequest(page: page, limit: limit)
    }

    var page: Int { paging.page }
    var limit: Int { paging.limit }
    var offset: Int { paging.offset }
}

/// The outcome of a locked read-modify-write.
enum PhoneCallUpdate: Sendable, Equatable {
    case notFound
    /// Written: the call before and after.
    case updated(before: PhoneCall, after: PhoneCall)
}

/// Persistence of phone calls. Every change is atomic.
protocol PhoneCallStore: Sendable {
    /// Stores a call whose time is set.
    func insert(_ call: NewPhoneCall, at time: PhoneCallTime) async throws -> PhoneCall
    /// Stores a therapist call on `finder.day` at the first free slot, deciding and inserting
    /// under a per-therapist lock so that concurrent requests never get the same slot; nil
    /// when no slot is free.
    func insert(_ call: NewPhoneCall, using finder: PhoneCallSlotFinder) async throws -> PhoneCall?
    /// Locks the call, applies `change` and stores the result with `updated_at` = now.
    func update(_ id: PhoneCallID, _ change: @Sendable (PhoneCall) throws -> PhoneCall) async throws -> PhoneCallUpdate
    /// Deletes the call; false when there was none.
    func delete(_ id: PhoneCallID) async throws -> Bool
}

/// The read side: records straight from the stored texts, equal to `PhoneCallRecord(call)`.
protocol PhoneCallReadModel: Sendable {
    func record(_ id: PhoneCallID) async throws -> PhoneCallRecord?
    /// One page (ordered by date, time, id — newest first) and the total before paging.
    func page(_ query: PhoneCallListQuery) async throws -> (records: [PhoneCallRecord], total: Int)
}
