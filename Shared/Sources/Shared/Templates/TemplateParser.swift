/// Builds the node tree from scanned segments, matching `if`/`for` with their `end` tags.
/// Statements other than `if`, `elif`, `else`, `endif`, `for`, `endfor` and `set` are refused
/// (no `include`, `import`, `macro`, `call`: templates cannot reach outside their context).
struct TemplateParser {
    private let segments: [SourceSegment]
    private var index = 0
    /// Open `if`/`for` blocks; bounded like expression nesting so no template can exhaust the stack.
    var depth = 0

    static func parse(_ source: String) throws(TemplateError) -> [TemplateNode] {
        var parser = TemplateParser(segments: try TemplateScanner.scan(source))
        let (nodes, end) = try parser.block(until: [])
        if let end { throw .syntax(line: end.line, message: "unexpected '\(end.keyword)'") }
        return nodes
    }

    private init(segments: [SourceSegment]) { self.segments = segments }

    /// A statement that ended a block, with the rest of its tokens still to parse.
    struct BlockEnd {
        let keyword: String
        var parser: ExpressionParser
        let line: Int
    }

    /// Nodes up to one of the `terminators` (returned), or to the end of the source (nil).
    mutating func block(until terminators: Set<String>) throws(TemplateError) -> ([TemplateNode], BlockEnd?) {
        var nodes: [TemplateNode] = []
        while index < segments.count {
            let segment = segments[index]
            index += 1
            switch segment {
            case .text(let text):
                nodes.append(.text(text))
            case .output(let tokens, let line):
                var parser = ExpressionParser(tokens, tagLine: line)
                if parser.isAtEnd { throw .syntax(line: line, message: "empty expression") }
                let expression = try parser.expression()
                try parser.expectEnd()
                nodes.append(.output(expression, line: line))
            case .statement(let tokens, let line):
                var parser = ExpressionParser(tokens, tagLine: line)
                guard case .name(let keyword)? = parser.advance()?.kind else {
                    throw .syntax(line: line, message: "expected a tag name after '{%'")
                }
                if terminators.contains(keyword) { return (nodes, BlockEnd(keyword: keyword, parser: parser, line: line)) }
                nodes.append(try statement(keyword, &parser, line: line))
            }
        }
        return (nodes, nil)
    }
}
