public import Shared

/// Filters and page of a therapist list (therapist.md §2.1, README §5.3).
public struct TherapistListQuery: Sendable, Equatable {
    public var status: Therapeutstatus?
    public var potenziellVerfuegbar: Bool?
    /// Trimmed, non-empty PLZ prefix (`plz LIKE '<prefix>%'`).
    public var plzPrefix: String?
    /// Trimmed, non-empty search text.
    public var search: String?
    /// Exact ids (the `ids` batch filter, an extension for the matching service); nil: any id.
    public var ids: [Int]?
    /// The page asked for (clamped).
    public var paging: PageRequest

    /// `page` and `limit` are clamped by `PageRequest`; absent or non-integer values fall
    /// back to 1 and 20.
    public init(status: Therapeutstatus? = nil, potenziellVerfuegbar: Bool? = nil, plzPrefix: String? = nil,
                search: String? = nil, ids: [Int]? = nil, page: Int? = nil, limit: Int? = nil) {
        self.status = status
        self.potenziellVerfuegbar = potenziellVerfuegbar
        self.plzPrefix = Self.trimmed(plzPrefix)
        self.search = Self.trimmed(search)
        self.ids = ids
        paging = PageRequest(page: page, limit: limit)
    }

    public var page: Int { paging.page }
    public var limit: Int { paging.limit }
    public var offset: Int { paging.offset }

    /// The therapy methods a search term selects: every value whose spelling contains the term,
    /// ignoring case (`verhaltens` → `Verhaltenstherapie`, `tiefen` → the tiefenpsychologisch value).
    public var searchedMethods: [Therapieverfahren] {
        guard let search else { return [] }
        let term = search.lowercased()
        return Therapieverfahren.allCases.filter { $0.rawValue.lowercased().contains(term) }
    }

    static func trimmed(_ text: String?) -> String? {
        let trimmed = text?.trimmingWhitespace()
        return trimmed?.isEmpty == false ? trimmed : nil
    }
}

/// The outcome of a locked read-modify-write.
public enum TherapistUpdate: Sendable, Equatable {
    /// No therapist with that id.
    case notFound
    /// The change computed nothing to write; the stored therapist.
    case unchanged(Therapist)
    /// Written; the therapist as stored now.
    case updated(Therapist)
}

/// What identifies an imported therapist (therapist.md §6.3 "Finding an existing therapist").
public struct TherapistMatchKey: Sendable, Equatable {
    public var vorname: String
    public var nachname: String
    public var plz: String
    public var ort: String?
    public var strasse: String?
    public var titel: String?
    /// Compared only when non-empty.
    public var email: String?

    public init(vorname: String, nachname: String, plz: String, ort: String?, strasse: String?, titel: String?, email: String?) {
        (self.vorname, self.nachname, self.plz, self.ort, self.strasse, self.titel, self.email) =
            (vorname, nachname, plz, ort, strasse, titel, email)
    }
}

/// Persistence of therapists. Implementations keep every change atomic.
public protocol TherapistStore: Sendable {
    /// The therapist with `id`, or nil.
    func find(_ id: TherapistID) async throws -> Therapist?
    /// Stores a new therapist and returns it with its id.
    func insert(_ therapist: Therapist) async throws -> Therapist
    /// Locks the therapist, lets `change` compute the new state from the current one (nil:
    /// nothing to write) and stores it, all in one transaction.
    func update(_ id: TherapistID, _ change: @Sendable (Therapist) throws -> Therapist?) async throws -> TherapistUpdate
    /// Deletes the therapist; false when there was none.
    func delete(_ id: TherapistID) async throws -> Bool
    /// The existing therapist an imported record belongs to: the primary match (same vorname,
    /// nachname, plz) with the lowest id, else the secondary match (same vorname, plz, ort,
    /// strasse, titel and, when the key's email is non-empty, email; `""` matches only `""`).
    func importMatch(_ key: TherapistMatchKey) async throws -> Therapist?
}

/// The read side of the two hot endpoints: records straight from the stored texts (one round
/// trip, no decoding into `Therapist`); they equal `TherapistRecord(therapist)` for the same
/// therapist.
public protocol TherapistReadModel: Sendable {
    /// The therapist's record, or nil when there is no such therapist.
    func record(_ id: TherapistID) async throws -> TherapistRecord?
    /// One page of records (ordered by id) and the total before paging.
    func page(_ query: TherapistListQuery) async throws -> (records: [TherapistRecord], total: Int)
}
