extension TemplateExpression.Comparison {
    /// The comparison's result. Ints and doubles compare by value; ordering needs two numbers
    /// or two strings; `in` looks into lists (items), objects (keys) and strings (substrings).
    func apply(_ left: TemplateValue?, _ right: TemplateValue?) throws(EvaluationError) -> Bool {
        switch self {
        case .equal: return Self.equal(left, right)
        case .notEqual: return !Self.equal(left, right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order = try Self.order(left, right)
            return switch self {
            case .less: order < 0
            case .lessOrEqual: order <= 0
            case .greater: order > 0
            default: order >= 0
            }
        case .contains: return try Self.contains(right, left)
        case .notContains: return try !Self.contains(right, left)
        }
    }

    static func equal(_ left: TemplateValue?, _ right: TemplateValue?) -> Bool {
        if let a = number(left), let b = number(right) { return a == b }
        return left == right
    }

    private static func number(_ value: TemplateValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }

    /// -1, 0 or 1; fails for anything but two numbers or two strings.
    private static func order(_ left: TemplateValue?, _ right: TemplateValue?) throws(EvaluationError) -> Int {
        if case .int(let a)? = left, case .int(let b)? = right { return a < b ? -1 : (a == b ? 0 : 1) }
        if let a = number(left), let b = number(right) { return a < b ? -1 : (a == b ? 0 : 1) }
        if case .string(let a)? = left, case .string(let b)? = right {
            let x = Array(a.unicodeScalars.map(\.value)), y = Array(b.unicodeScalars.map(\.value))
            return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        }
        throw EvaluationError(message: "cannot compare \(left.typeName) with \(right.typeName)")
    }

    private static func contains(_ container: TemplateValue?, _ needle: TemplateValue?) throws(EvaluationError) -> Bool {
        switch container {
        case .list(let items)?: return items.contains { equal($0, needle) }
        case .dict(let fields)?:
            guard case .string(let key)? = needle else { return false }
            return fields[key] != nil
        case .string(let text)?:
            guard case .string(let part)? = needle else {
                throw EvaluationError(message: "'in <string>' needs a string on the left, not \(needle.typeName)")
            }
            return part.isEmpty || text.contains(part)
        case nil, .null?: return false
        default: throw EvaluationError(message: "'in' needs a list, dict or string, not \(container.typeName)")
        }
    }
}
