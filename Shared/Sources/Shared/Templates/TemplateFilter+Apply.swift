extension TemplateFilter {
    /// The filter's result; `nil` stands for undefined, in the value and in the result.
    func apply(_ value: TemplateValue?, _ arguments: [TemplateValue?]) throws(EvaluationError) -> TemplateValue? {
        switch self {
        case .default, .d:
            let fallback = arguments.first ?? .string("")
            let missing = value == nil || value == .null
            return missing || (arguments.count > 1 && arguments[1].isTruthy && !value.isTruthy) ? fallback : value
        case .join:
            let separator = arguments.first.map(\.renderedText) ?? ""
            return .string(try items(of: value).map(\.renderedText).joined(separator: separator))
        case .length, .count:
            switch value {
            case .string(let text)?: return .int(text.count)
            case .list(let list)?: return .int(list.count)
            case .dict(let dict)?: return .int(dict.count)
            case nil, .null?: return .int(0)
            default: throw EvaluationError(message: "\(rawValue): a value of type \(value.typeName) has no length")
            }
        case .lower: return .string(value.renderedText.lowercased())
        case .upper: return .string(value.renderedText.uppercased())
        case .trim: return .string(value.renderedText.trimmingWhitespace())
        case .capitalize:
            let text = value.renderedText
            return .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
        case .first: return try items(of: value).first
        case .last: return try items(of: value).last
        case .replace:
            let old = arguments[0].renderedText, text = value.renderedText
            return .string(old.isEmpty ? text : text.replacing(old, with: arguments[1].renderedText))
        case .string: return .string(value.renderedText)
        }
    }

    /// The items a filter or loop walks: a list's items, a string's characters, an object's
    /// sorted keys; nothing for undefined and null.
    func items(of value: TemplateValue?) throws(EvaluationError) -> [TemplateValue] {
        do { return try TemplateValue.iterate(value) } catch { throw EvaluationError(message: "\(rawValue): \(error.message)") }
    }
}

extension TemplateValue {
    /// What `{% for %}` walks over `value`; numbers and booleans are not iterable.
    static func iterate(_ value: TemplateValue?) throws(EvaluationError) -> [TemplateValue] {
        switch value {
        case .list(let items)?: return items
        case .string(let text)?: return text.map { .string(String($0)) }
        case .dict(let fields)?: return fields.keys.sorted().map(TemplateValue.string)
        case nil, .null?: return []
        default: throw EvaluationError(message: "a value of type \(value.typeName) is not iterable")
        }
    }
}
