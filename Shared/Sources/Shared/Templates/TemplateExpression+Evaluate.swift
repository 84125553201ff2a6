extension TemplateExpression {
    /// The expression's value in `scope`; `nil` means undefined, which renders as empty text.
    /// Reading through undefined or null (`missing.name`) stays undefined instead of failing.
    func evaluate(in scope: TemplateScope) throws(EvaluationError) -> TemplateValue? {
        switch self {
        case .literal(let value):
            return value
        case .list(let items):
            var values: [TemplateValue] = []
            for item in items { values.append(try item.evaluate(in: scope) ?? .null) }
            return .list(values)
        case .variable(let name):
            return scope.lookup(name)
        case .attribute(let base, let name):
            guard case .dict(let fields)? = try base.evaluate(in: scope) else { return nil }
            return fields[name]
        case .item(let base, let key):
            return Self.item(of: try base.evaluate(in: scope), key: try key.evaluate(in: scope))
        case .not(let operand):
            return .bool(!(try operand.evaluate(in: scope)).isTruthy)
        case .and(let left, let right):
            let value = try left.evaluate(in: scope)
            return value.isTruthy ? try right.evaluate(in: scope) : value
        case .or(let left, let right):
            let value = try left.evaluate(in: scope)
            return value.isTruthy ? value : try right.evaluate(in: scope)
        case .compare(let left, let comparison, let right):
            return .bool(try comparison.apply(try left.evaluate(in: scope), try right.evaluate(in: scope)))
        case .concat(let left, let right):
            return .string(try left.evaluate(in: scope).renderedText + (try right.evaluate(in: scope)).renderedText)
        case .conditional(let then, let condition, let otherwise):
            if try condition.evaluate(in: scope).isTruthy { return try then.evaluate(in: scope) }
            return try otherwise?.evaluate(in: scope)
        case .filter(let base, let filter, let arguments):
            var values: [TemplateValue?] = []
            for argument in arguments { values.append(try argument.evaluate(in: scope)) }
            return try filter.apply(try base.evaluate(in: scope), values)
        case .test(let base, let test, let negated):
            let value = try base.evaluate(in: scope)
            let result = switch test {
            case .defined: value != nil
            case .undefined: value == nil
            case .none: value == .null
            }
            return .bool(result != negated)
        }
    }

    /// `base[key]`: object fields by string key, list items and characters by (negative) position.
    private static func item(of base: TemplateValue?, key: TemplateValue?) -> TemplateValue? {
        switch (base, key) {
        case (.dict(let fields)?, .string(let name)?):
            return fields[name]
        case (.list(let items)?, .int(let position)?):
            let index = position < 0 ? items.count + position : position
            return items.indices.contains(index) ? items[index] : nil
        case (.string(let text)?, .int(let position)?):
            let characters = Array(text)
            let index = position < 0 ? characters.count + position : position
            return characters.indices.contains(index) ? .string(String(characters[index])) : nil
        default:
            return nil
        }
    }
}
