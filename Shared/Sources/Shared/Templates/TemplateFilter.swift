/// The filters templates may apply with `value|name(arguments)`; an unknown name is a syntax
/// error when the template is parsed, not when it is rendered.
enum TemplateFilter: String, Sendable {
    /// `default(fallback='', boolean=false)`: the fallback when the value is undefined or null,
    /// and with `boolean` true also when it is falsy (`''`, `0`, `[]`).
    case `default`
    /// Short alias of `default`, as in Jinja.
    case d
    /// `join(separator='')`: a list's items as text, separated.
    case join
    /// Number of items, keys or characters; undefined and null count 0.
    case length, count
    case lower, upper, trim
    /// First character upper case, the rest lower case.
    case capitalize
    /// First or last item of a list (or character of a string); undefined when empty.
    case first, last
    /// `replace(old, new)` on the value's text.
    case replace
    /// The value as text, as `{{ }}` would write it.
    case string

    var argumentCount: ClosedRange<Int> {
        switch self {
        case .default, .d: 0...2
        case .join: 0...1
        case .replace: 2...2
        default: 0...0
        }
    }

    var argumentCountText: String {
        let range = argumentCount
        let count = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
        return count == "1" ? "1 argument" : "\(count) arguments"
    }
}

/// Why an expression could not be evaluated; the renderer adds the line.
struct EvaluationError: Error {
    let message: String
}

extension TemplateValue {
    /// The type name used in render error messages.
    var typeName: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .double: "double"
        case .bool: "bool"
        case .null: "null"
        case .list: "list"
        case .dict: "dict"
        }
    }
}

extension Optional where Wrapped == TemplateValue {
    /// Jinja truthiness, with undefined false.
    var isTruthy: Bool { self?.isTruthy ?? false }
    /// `{{ }}` output, with undefined empty.
    var renderedText: String { self?.renderedText ?? "" }
    var typeName: String { self?.typeName ?? "undefined" }
}
