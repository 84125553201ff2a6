extension ExpressionParser {
    /// A full expression, including `x if c else y`.
    mutating func expression() throws(TemplateError) -> TemplateExpression {
        try enter()
        defer { leave() }
        let value = try or()
        guard accept(name: "if") else { return value }
        let condition = try or()
        let otherwise = accept(name: "else") ? try expression() : nil
        return .conditional(then: value, condition: condition, otherwise: otherwise)
    }

    /// An expression without the trailing `if … else …` form (used for `for … in <here>`).
    mutating func or() throws(TemplateError) -> TemplateExpression {
        var left = try and()
        while accept(name: "or") { left = .or(left, try and()) }
        return left
    }

    private mutating func and() throws(TemplateError) -> TemplateExpression {
        var left = try not()
        while accept(name: "and") { left = .and(left, try not()) }
        return left
    }

    private mutating func not() throws(TemplateError) -> TemplateExpression {
        guard accept(name: "not") else { return try comparison() }
        try enter()
        defer { leave() }
        return .not(try not())
    }

    private mutating func comparison() throws(TemplateError) -> TemplateExpression {
        let left = try concat()
        let op: TemplateExpression.Comparison
        if case .symbol(let symbol)? = current?.kind, let found = TemplateExpression.Comparison(rawValue: symbol) {
            op = found
            index += 1
        } else if accept(name: "in") {
            op = .contains
        } else if current?.isName("not") == true, peek("in", offset: 1) {
            index += 2
            op = .notContains
        } else {
            return left
        }
        return .compare(left, op, try concat())
    }

    private mutating func concat() throws(TemplateError) -> TemplateExpression {
        var left = try postfix()
        while accept(symbol: "~") { left = .concat(left, try postfix()) }
        return left
    }

    private mutating func postfix() throws(TemplateError) -> TemplateExpression {
        var value = try primary()
        while true {
            if accept(symbol: ".") {
                if case .int(let position)? = current?.kind {
                    index += 1
                    value = .item(value, .literal(.int(position)))
                } else {
                    value = .attribute(value, try identifier("an attribute name"))
                }
            } else if accept(symbol: "[") {
                value = .item(value, try expression())
                try expect(symbol: "]")
            } else if accept(symbol: "|") {
                value = try filter(value)
            } else if accept(name: "is") {
                let negated = accept(name: "not")
                guard case .name(let name)? = current?.kind else { throw error("expected a test name") }
                guard let test = TemplateTest(rawValue: name) else { throw error("unknown test '\(name)'") }
                index += 1
                value = .test(value, test, negated: negated)
            } else {
                return value
            }
        }
    }

    private mutating func filter(_ value: TemplateExpression) throws(TemplateError) -> TemplateExpression {
        let name = try identifier("a filter name")
        guard let filter = TemplateFilter(rawValue: name) else { throw error("unknown filter '\(name)'") }
        var arguments: [TemplateExpression] = []
        if accept(symbol: "(") {
            arguments = try commaSeparated(until: ")")
        }
        guard filter.argumentCount.contains(arguments.count) else {
            throw error("filter '\(name)' takes \(filter.argumentCountText), got \(arguments.count)")
        }
        return .filter(value, filter, arguments: arguments)
    }
}
