/// A parsed email template: the subset of Jinja2 the Curavani emails use, parsed once and
/// rendered many times.
///
/// Supported: `{{ expression }}`; `{% if %}`/`{% elif %}`/`{% else %}`/`{% endif %}`;
/// `{% for x in list %}`…`{% else %}`…`{% endfor %}` with `loop.index`, `loop.index0`,
/// `loop.first`, `loop.last`, `loop.length`; `{% set x = expression %}`; `{# comments #}`;
/// `-` whitespace control on any tag. Expressions: dotted paths, `x[key]`, string/number/bool/none
/// literals and `[lists]`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `and`, `or`, `not`,
/// `~`, `a if c else b`, `is [not] defined|undefined|none`, negative number literals, and the
/// filters `default(x, boolean)`/`d`, `join(sep)`, `length`/`count`, `first`, `last`, `lower`,
/// `upper`, `trim`, `capitalize`, `replace(old, new)`, `string`. Unknown filters, tests and tags
/// are syntax errors. There is no arithmetic.
///
/// Undefined variables (and anything read through them) render as empty text; unlike Jinja,
/// null renders as empty text too and `default` replaces it. Output is not escaped (it is
/// Markdown). There is no include, import, macro or call of any kind. One trailing newline of
/// the source is dropped, as Jinja does by default. Identifiers are ASCII.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses `source`; a syntax error names its 1-based line.
    public init(source: String) throws(TemplateError) {
        nodes = try TemplateParser.parse(source)
    }

    /// The template rendered with `context` as its top-level variables.
    public func render(_ context: [String: TemplateValue]) throws(TemplateError) -> String {
        var renderer = TemplateRenderer(scope: TemplateScope(context))
        try renderer.render(nodes)
        return renderer.output
    }
}

/// Walks the node tree, writing text into `output`.
struct TemplateRenderer {
    var scope: TemplateScope
    var output = ""

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .output(let expression, let line):
                output += try evaluate(expression, line: line).renderedText
            case .conditional(let branches, let otherwise):
                var chosen = otherwise
                for branch in branches where try evaluate(branch.condition, line: branch.line).isTruthy {
                    chosen = branch.body
                    break
                }
                try render(chosen)
            case .loop(let variable, let iterable, let body, let otherwise, let line):
                let value = try evaluate(iterable, line: line)
                let items: [TemplateValue]
                do { items = try TemplateValue.iterate(value) } catch {
                    throw .render(line: line, message: "for: \(error.message)")
                }
                try loop(variable, items, body: body, otherwise: otherwise)
            case .assignment(let variable, let value, let line):
                scope.assign(variable, try evaluate(value, line: line) ?? .null)
            }
        }
    }

    private mutating func loop(_ variable: String, _ items: [TemplateValue], body: [TemplateNode],
                               otherwise: [TemplateNode]) throws(TemplateError) {
        guard !items.isEmpty else { return try render(otherwise) }
        for (position, item) in items.enumerated() {
            scope.push()
            defer { scope.pop() }
            scope.assign(variable, item)
            scope.assign("loop", [
                "index": .int(position + 1), "index0": .int(position), "length": .int(items.count),
                "first": .bool(position == 0), "last": .bool(position == items.count - 1),
            ])
            try render(body)
        }
    }

    private func evaluate(_ expression: TemplateExpression, line: Int) throws(TemplateError) -> TemplateValue? {
        do { return try expression.evaluate(in: scope) } catch { throw .render(line: line, message: error.message) }
    }
}
