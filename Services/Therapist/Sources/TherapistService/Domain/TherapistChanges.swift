public import Shared

/// The validated fields of a create or update request, in declaration order. Only provided,
/// non-null fields appear; applying them never fails.
public struct TherapistChanges: Sendable, Equatable {
    /// Field values in declaration order.
    public private(set) var values: [(field: TherapistField, value: InputValue)] = []

    /// Equal when the same fields carry the same values in the same order.
    public static func == (lhs: TherapistChanges, rhs: TherapistChanges) -> Bool {
        lhs.values.count == rhs.values.count && zip(lhs.values, rhs.values).allSatisfy { $0.field == $1.field && $0.value == $1.value }
    }

    /// Validates `body` for a create or an update (therapist.md §2.2, §2.4).
    public init(from body: JSONObject, mode: InputSchema.Mode) throws(TherapistError) {
        try self.init(try TherapistChanges.parse(body, mode: mode))
    }

    /// The validation pass over an already parsed body.
    public init(_ parsed: ParsedInput) throws(TherapistError) {
        do {
            values = try parsed.validated().map { (TherapistField.allCases[$0.field], $0.value) }
        } catch { throw TherapistError(error) }
    }

    /// The parser pass alone (an update runs it before the existence check).
    public static func parse(_ body: JSONObject, mode: InputSchema.Mode) throws(TherapistError) -> ParsedInput {
        do { return try TherapistField.schema.parse(body, mode: mode) } catch { throw TherapistError(error) }
    }

    /// The value given for `field`.
    public subscript(field: TherapistField) -> InputValue? { values.first { $0.field == field }?.value }

    /// `therapist` with every change applied.
    public func applied(to therapist: Therapist) -> Therapist {
        var therapist = therapist
        for (field, value) in values { therapist.set(field, value) }
        return therapist
    }
}

extension TherapistError {
    init(_ error: InputError) {
        switch error {
        case .invalid(let text): self = .invalid(text)
        case .invalidField(let field, let text): self = .invalidField(field: field, text: text)
        }
    }
}

extension Therapist {
    /// A new therapist from a validated create request (the four required fields are present).
    public init(creating changes: TherapistChanges, today: LocalDate) {
        func text(_ field: TherapistField) -> String { if case .text(let value)? = changes[field] { value } else { "" } }
        self.init(anrede: Anrede(rawValue: text(.anrede)) ?? .frau, geschlecht: Geschlecht(rawValue: text(.geschlecht)) ?? .keineAngabe,
                  vorname: text(.vorname), nachname: text(.nachname), createdAt: today)
        self = changes.applied(to: self)
    }
}
