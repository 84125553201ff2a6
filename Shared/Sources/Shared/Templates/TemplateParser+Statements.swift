extension TemplateParser {
    /// The node for a statement that opens something (`if`, `for`, `set`).
    mutating func statement(_ keyword: String, _ parser: inout ExpressionParser, line: Int) throws(TemplateError) -> TemplateNode {
        if keyword == "if" || keyword == "for" {
            depth += 1
            defer { depth -= 1 }
            if depth > ExpressionParser.maximumDepth { throw .syntax(line: line, message: "blocks nested too deeply") }
            return keyword == "if" ? try conditional(&parser, line: line) : try loop(&parser, line: line)
        }
        switch keyword {
        case "set":
            let variable = try parser.identifier("a variable name")
            try parser.expect(symbol: "=")
            let value = try parser.expression()
            try parser.expectEnd()
            return .assignment(variable: variable, value: value, line: line)
        case "elif", "else", "endif", "endfor":
            throw .syntax(line: line, message: "unexpected '\(keyword)'")
        default:
            throw .syntax(line: line, message: "unknown tag '\(keyword)'")
        }
    }

    private mutating func conditional(_ parser: inout ExpressionParser, line: Int) throws(TemplateError) -> TemplateNode {
        var branches: [ConditionalBranch] = []
        var condition = try parser.expression(), branchLine = line
        try parser.expectEnd()
        while true {
            let (body, end) = try block(until: ["elif", "else", "endif"])
            branches.append(ConditionalBranch(condition: condition, body: body, line: branchLine))
            guard var end else { throw .syntax(line: line, message: "missing '{% endif %}' for the 'if' on line \(line)") }
            switch end.keyword {
            case "elif":
                condition = try end.parser.expression()
                try end.parser.expectEnd()
                branchLine = end.line
            case "else":
                try end.parser.expectEnd()
                let (otherwise, close) = try block(until: ["endif"])
                guard let close else { throw .syntax(line: line, message: "missing '{% endif %}' for the 'if' on line \(line)") }
                try close.parser.expectEnd()
                return .conditional(branches, otherwise: otherwise)
            default:
                try end.parser.expectEnd()
                return .conditional(branches, otherwise: [])
            }
        }
    }

    private mutating func loop(_ parser: inout ExpressionParser, line: Int) throws(TemplateError) -> TemplateNode {
        let variable = try parser.identifier("a loop variable")
        if parser.current?.isSymbol(",") == true { throw parser.error("unpacking several loop variables is not supported") }
        guard parser.accept(name: "in") else { throw parser.error("expected 'in' after the loop variable") }
        let iterable = try parser.or()
        try parser.expectEnd()
        let (body, end) = try block(until: ["else", "endfor"])
        guard let end else { throw .syntax(line: line, message: "missing '{% endfor %}' for the 'for' on line \(line)") }
        try end.parser.expectEnd()
        var otherwise: [TemplateNode] = []
        if end.keyword == "else" {
            let (elseBody, close) = try block(until: ["endfor"])
            guard let close else { throw .syntax(line: line, message: "missing '{% endfor %}' for the 'for' on line \(line)") }
            try close.parser.expectEnd()
            otherwise = elseBody
        }
        return .loop(variable: variable, iterable: iterable, body: body, otherwise: otherwise, line: line)
    }
}
