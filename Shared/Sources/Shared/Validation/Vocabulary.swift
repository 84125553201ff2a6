/// A closed vocabulary stored as a PostgreSQL enum; raw values are the exact wire spellings
/// (spec README §7). Each service declares its own enums: vocabularies belong to the schema
/// that stores them.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    /// How the field is named in messages, e.g. `anrede` or `gender preference`.
    static var label: String { get }
}

extension Vocabulary {
    /// `Invalid <label> '<value>'. Valid values: a, b, c` (spec patient.md §2.2, therapist.md §2.2).
    public static func invalidMessage(_ value: String) -> String {
        "Invalid \(label) '\(value)'. Valid values: " + allCases.map(\.rawValue).joined(separator: ", ")
    }
}
