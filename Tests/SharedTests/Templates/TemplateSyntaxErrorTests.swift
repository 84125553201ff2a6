import Testing
import Shared

@Test("syntax errors name the 1-based line of the problem", arguments: [
    ("Hallo\n{{ name ", TemplateError.syntax(line: 2, message: "unclosed tag: missing '}}'")),
    ("a\n\n{% if x %}", .syntax(line: 3, message: "missing '{% endif %}' for the 'if' on line 3")),
    ("{% for x in xs %}\n{% if x %}\n{% endfor %}", .syntax(line: 3, message: "unexpected 'endfor'")),
    ("{% for x in xs %}{{ x }}", .syntax(line: 1, message: "missing '{% endfor %}' for the 'for' on line 1")),
    ("ok\n{% endif %}", .syntax(line: 2, message: "unexpected 'endif'")),
    ("{% if a %}{% else %}{% elif b %}{% endif %}", .syntax(line: 1, message: "unexpected 'elif'")),
    ("x\ny\n{% include 'other.md' %}", .syntax(line: 3, message: "unknown tag 'include'")),
    ("{% macro m() %}", .syntax(line: 1, message: "unknown tag 'macro'")),
    ("{{ }}", .syntax(line: 1, message: "empty expression")),
    ("{{ a b }}", .syntax(line: 1, message: "unexpected 'b'")),
    ("{{ a == }}", .syntax(line: 1, message: "unexpected end of expression")),
    ("{{ 'open }}", .syntax(line: 1, message: "unterminated string literal")),
    ("{{ a + 1 }}", .syntax(line: 1, message: "unexpected character '+'")),
    ("{{ a.b( }}", .syntax(line: 1, message: "unexpected '('")),
    ("\n{# never closed", .syntax(line: 2, message: "unclosed comment: missing '#}'")),
    ("{% for a, b in d %}{% endfor %}", .syntax(line: 1, message: "unpacking several loop variables is not supported")),
    ("{% if x is odd %}{% endif %}", .syntax(line: 1, message: "unknown test 'odd'")),
    ("{% set = 1 %}", .syntax(line: 1, message: "expected a variable name, found '='")),
    ("{% endif x %}", .syntax(line: 1, message: "unexpected 'endif'")),
] as [(String, TemplateError)])
func templateSyntaxErrors(source: String, expected: TemplateError) {
    #expect(templateSyntaxError(source) == expected)
}

@Test("the line counts newlines inside earlier tags and comments")
func templateSyntaxErrorLineAfterMultilineTags() {
    let source = "{# a\ncomment #}\n{{ a\n}}\n{% if x\n%}{% endif %}\n\n{{ x|nope }}"
    #expect(templateSyntaxError(source)?.line == 8)
    #expect(templateSyntaxError(source)?.description == "Template syntax error in template line 8: unknown filter 'nope'")
}

@Test("absurd nesting is a syntax error, not a stack overflow")
func templateNestingLimit() {
    let parentheses = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
    #expect(templateSyntaxError("{{ \(parentheses) }}") == .syntax(line: 1, message: "expression nested too deeply"))
    let blocks = String(repeating: "{% if a %}", count: 500)
    #expect(templateSyntaxError(blocks) == .syntax(line: 1, message: "blocks nested too deeply"))
}

@Test("type errors while rendering are render errors with the tag's line")
func templateRenderErrors() {
    let context: [String: TemplateValue] = ["n": 1, "s": "a", "flag": true]
    #expect(throws: TemplateError.render(line: 2, message: "cannot compare int with string")) {
        try renderTemplate("ok\n{% if n < s %}{% endif %}", context)
    }
    #expect(throws: TemplateError.render(line: 1, message: "for: a value of type bool is not iterable")) {
        try renderTemplate("{% for x in flag %}{% endfor %}", context)
    }
    #expect(throws: TemplateError.render(line: 3, message: "join: a value of type int is not iterable")) {
        try renderTemplate("\n\n{{ n|join(', ') }}", context)
    }
    #expect(throws: TemplateError.render(line: 1, message: "length: a value of type bool has no length")) {
        try renderTemplate("{{ flag|length }}", context)
    }
    #expect(throws: TemplateError.render(line: 1, message: "'in' needs a list, dict or string, not int")) {
        try renderTemplate("{{ 1 in n }}", context)
    }
}
