/// One writable field of a request body: how its JSON is read and checked. A service lists its
/// fields in declaration order in an `InputSchema`; that order is the order of the checks, so
/// the first failure reported is the original API's.
public struct InputField: Sendable {
    /// How the value is read and checked.
    public enum Kind: Sendable {
        /// Free text up to `maxLength` characters (nil: unlimited); JSON numbers become their text.
        case text(maxLength: Int?)
        /// A closed vocabulary (compared with Swift's canonical equality, stored in the exact
        /// spelling); `emptyIsAbsent` treats `""` as not provided.
        case vocabulary(values: [String], message: @Sendable (String) -> String, emptyIsAbsent: Bool)
        /// `YYYY-MM-DD`; `""` counts as not provided.
        case date
        /// A JSON boolean.
        case bool
        /// An integer (JSON number or numeric string) within `range`.
        case integer(ClosedRange<Int>)
        /// A JSON object / a JSON array, stored as JSON.
        case object, array
        /// Any JSON, checked by `problem` (nil: valid, else the exact message); stored as JSON.
        case custom(problem: @Sendable (JSONValue) -> String?)
    }

    /// The JSON member name.
    public let name: String
    /// How it is read.
    public let kind: Kind
    /// For fields a create requires: the help text (`Anrede is required`).
    public let requiredHelp: String?

    /// A field named `name` of `kind`; `requiredHelp` makes it required on create.
    public init(_ name: String, _ kind: Kind, requiredHelp: String? = nil) {
        (self.name, self.kind, self.requiredHelp) = (name, kind, requiredHelp)
    }

    /// A vocabulary field over `V`'s spellings and messages.
    public static func vocabulary<V: Vocabulary>(_ name: String, _ type: V.Type, emptyIsAbsent: Bool,
                                                 requiredHelp: String? = nil) -> InputField {
        InputField(name, .vocabulary(values: V.allCases.map(\.rawValue), message: { V.invalidMessage($0) },
                                     emptyIsAbsent: emptyIsAbsent), requiredHelp: requiredHelp)
    }
}

/// A validated field value.
public enum InputValue: Sendable, Equatable {
    case text(String), date(LocalDate), bool(Bool), int(Int), json(JSONValue)
}

/// A rejected request body, with the original API's message shapes.
public enum InputError: Error, Sendable, Equatable {
    /// 400 `{"message": "<text>"}`: a validation failure, or on create a flattened parser error
    /// `"<field>: <text>"`.
    case invalid(String)
    /// 400 `{"message": {"<field>": "<text>"}}`: a parser-level type error on update.
    case invalidField(field: String, text: String)
}
