public import Shared

/// Filters and page of a patient list (patient.md §2.1, README §5.3).
public struct PatientListQuery: Sendable, Equatable {
    public var status: Patientenstatus?
    /// Trimmed, non-empty search text (matched case-insensitively as a substring).
    public var search: String?
    /// Exact ids (the `ids` batch filter, an extension for the matching service); nil: any id.
    public var ids: [Int]?
    /// Trimmed, non-empty PLZ prefix (`plz LIKE '<prefix>%'`, an extension for the matching service).
    public var plzPrefix: String?
    /// The page asked for (clamped).
    public var paging: PageRequest

    /// `page` and `limit` are clamped by `PageRequest`; absent or non-integer values fall
    /// back to 1 and 20.
    public init(status: Patientenstatus? = nil, search: String? = nil, ids: [Int]? = nil, plzPrefix: String? = nil,
                page: Int? = nil, limit: Int? = nil) {
        self.status = status
        self.search = Self.trimmed(search)
        self.ids = ids
        self.plzPrefix = Self.trimmed(plzPrefix)
        paging = PageRequest(page: page, limit: limit)
    }

    static func trimmed(_ text: String?) -> String? {
        let trimmed = text?.trimmingWhitespace()
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    public var page: Int { paging.page }
    public var limit: Int { paging.limit }
    public var offset: Int { paging.offset }
}

/// Persistence of patients. Implementations keep every change atomic.
public protocol PatientStore: Sendable {
    /// The patient with `id`, or nil.
    func find(_ id: PatientID) async throws -> Patient?
    /// Whether a patient with `id` exists.
    func exists(_ id: PatientID) async throws -> Bool
    /// Stores a new patient and returns it with its id.
    func insert(_ patient: Patient) async throws -> Patient
    /// Stores an imported patient together with its registration key, atomically; a key seen
    /// before stores nothing and reports the patient it created then.
    func insertRegistration(_ patient: Patient, key: String, file: String) async throws -> RegistrationInsert
    /// Locks the patient, lets `change` compute the new state from the current one and stores
    /// it, all in one transaction; nil when there is no such patient.
    func update<Result: Sendable>(_ id: PatientID,
                                  _ change: @Sendable (Patient) throws -> (Patient, Result)) async throws -> (Patient, Result)?
    /// Deletes the patient; false when there was none.
    func delete(_ id: PatientID) async throws -> Bool
    /// Sets `letzter_kontakt` (and `updated_at`); false when there is no such patient.
    func setLastContact(_ id: PatientID, to date: LocalDate, today: LocalDate) async throws -> Bool
}

/// The outcome of storing an imported registration.
public enum RegistrationInsert: Sendable, Equatable {
    case inserted(Patient)
    /// The registration was imported before (as this patient, unless it was deleted since).
    case duplicate(PatientID?)
}

/// The read side of the two hot endpoints: records straight from the stored texts (one round
/// trip, no decoding into `Patient`); they equal `PatientRecord(patient)` for the same patient,
/// which the HTTP tests check.
public protocol PatientReadModel: Sendable {
    /// The patient's record, or nil when there is no such patient.
    func record(_ id: PatientID) async throws -> PatientRecord?
    /// One page of records (ordered by id) and the total before paging.
    func page(_ query: PatientListQuery) async throws -> (records: [PatientRecord], total: Int)
}
