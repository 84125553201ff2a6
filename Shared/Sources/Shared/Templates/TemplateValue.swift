/// A value in a template context: the JSON-like tree that `{{ patient.nachname }}` walks.
///
/// Literals build it directly: `["patient": ["nachname": "Muster", "offen_fuer_gruppentherapie": true]]`.
/// Dictionaries are unordered; iterating one in a template yields its keys sorted.
public enum TemplateValue: Sendable, Equatable {
    /// Text; rendered as is (no HTML escaping: the outputs are Markdown).
    case string(String)
    /// A whole number; rendered in decimal.
    case int(Int)
    /// A floating-point number; rendered as Python would (`95.0`, `1.5`).
    case double(Double)
    /// A boolean; rendered `True`/`False` as Jinja does (use `if` to print words).
    case bool(Bool)
    /// An explicit null; renders as empty text and counts as missing for `default`.
    case null
    /// An ordered list; iterable with `{% for %}`.
    case list([TemplateValue])
    /// A string-keyed object; fields are read with dotted paths or `["key"]`.
    case dict([String: TemplateValue])

    /// Jinja truthiness: empty text, 0, false, null and empty lists/objects are false.
    public var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .bool(let flag): flag
        case .null: false
        case .list(let items): !items.isEmpty
        case .dict(let fields): !fields.isEmpty
        }
    }

    /// The text `{{ value }}` writes: strings verbatim, null empty, containers like Python's repr.
    public var renderedText: String {
        switch self {
        case .string(let text): text
        case .null: ""
        default: representation
        }
    }

    /// Python-style `repr`, used inside lists and objects (`['a', 1]`).
    var representation: String {
        switch self {
        case .string(let text): "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
        case .int(let number): String(number)
        case .double(let number): number.description
        case .bool(let flag): flag ? "True" : "False"
        case .null: "None"
        case .list(let items): "[" + items.map(\.representation).joined(separator: ", ") + "]"
        case .dict(let fields):
            "{" + fields.sorted { $0.key < $1.key }
                .map { "'\($0.key)': \($0.value.representation)" }.joined(separator: ", ") + "}"
        }
    }
}
