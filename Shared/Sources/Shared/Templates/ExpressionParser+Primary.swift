extension ExpressionParser {
    /// A literal (numbers possibly negative), a variable, a parenthesised expression or a list literal.
    mutating func primary() throws(TemplateError) -> TemplateExpression {
        guard let token = advance() else { throw error("unexpected end of expression") }
        switch token.kind {
        case .string(let text): return .literal(.string(text))
        case .int(let number): return .literal(.int(number))
        case .double(let number): return .literal(.double(number))
        case .name("true"), .name("True"): return .literal(.bool(true))
        case .name("false"), .name("False"): return .literal(.bool(false))
        case .name("none"), .name("None"): return .literal(.null)
        case .name(let name) where !Self.keywords.contains(name): return .variable(name)
        case .symbol("-"):
            // Only negative number literals (`items[-1]`); there is no arithmetic.
            switch advance()?.kind {
            case .int(let number)?: return .literal(.int(-number))
            case .double(let number)?: return .literal(.double(-number))
            default: index -= 1; throw error("'-' is only allowed before a number")
            }
        case .symbol("("):
            try enter()
            defer { leave() }
            let inner = try expression()
            try expect(symbol: ")")
            return inner
        case .symbol("["):
            try enter()
            defer { leave() }
            return .list(try commaSeparated(until: "]"))
        default:
            index -= 1
            throw error("unexpected '\(token.display)'")
        }
    }

    /// Expressions separated by commas up to the closing symbol (already past the opener).
    mutating func commaSeparated(until closer: String) throws(TemplateError) -> [TemplateExpression] {
        var items: [TemplateExpression] = []
        while !accept(symbol: closer) {
            if !items.isEmpty { try expect(symbol: ",") }
            if accept(symbol: closer) { break }
            if peek("=", offset: 1) {
                throw error("keyword arguments are not supported")
            }
            items.append(try expression())
        }
        return items
    }
}
