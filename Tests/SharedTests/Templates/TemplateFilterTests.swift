import Testing
import Shared

@Test("default replaces undefined and null; with true also empty values")
func templateDefaultFilter() throws {
    let context: [String: TemplateValue] = ["empty": "", "nothing": nil, "name": "Muster", "zero": 0]
    #expect(try renderTemplate("{{ missing|default('x') }} {{ nothing|default('x') }} {{ name|d('x') }}", context) == "x x Muster")
    #expect(try renderTemplate("[{{ empty|default('x') }}] [{{ zero|default('x') }}] [{{ missing|default }}]", context)
        == "[] [0] []")
    #expect(try renderTemplate("{{ empty|default('Nicht angegeben', true) }} {{ zero|d(5, true) }}", context)
        == "Nicht angegeben 5")
}

@Test("join, length/count, first/last on lists")
func templateListFilters() throws {
    let context: [String: TemplateValue] = ["symptome": ["Angst", "Schlafstörungen"], "none": []]
    #expect(try renderTemplate("{{ symptome|join(', ') }}|{{ symptome|join }}|{{ none|join(', ') }}", context)
        == "Angst, Schlafstörungen|AngstSchlafstörungen|")
    #expect(try renderTemplate("{{ symptome|length }} {{ 'äb'|count }} {{ missing|length }}", context) == "2 2 0")
    #expect(try renderTemplate("{{ symptome|first }} {{ symptome|last }} [{{ none|first }}]", context)
        == "Angst Schlafstörungen []")
    #expect(try renderTemplate("{{ (none|join(', ')) or 'Nicht angegeben' }}", context) == "Nicht angegeben")
}

@Test("text filters: lower, upper, trim, capitalize, replace, string; filters chain")
func templateTextFilters() throws {
    let context: [String: TemplateValue] = ["name": "  müller  ", "n": 5]
    #expect(try renderTemplate("[{{ name|trim }}] [{{ name|trim|upper }}] [{{ 'ÄB'|lower }}]", context) == "[müller] [MÜLLER] [äb]")
    #expect(try renderTemplate("{{ 'hALLO welt'|capitalize }} {{ 'a-b-c'|replace('-', ' / ') }}", context) == "Hallo welt a / b / c")
    #expect(try renderTemplate("{{ n|string ~ '!' }} {{ missing|upper }}", context) == "5! ")
}

@Test("unknown filters and wrong argument counts fail when parsing, with the line")
func templateFilterSyntax() {
    #expect(templateSyntaxError("a\n{{ x|shout }}") == .syntax(line: 2, message: "unknown filter 'shout'"))
    #expect(templateSyntaxError("{{ x|replace('a') }}")
        == .syntax(line: 1, message: "filter 'replace' takes 2 arguments, got 1"))
    #expect(templateSyntaxError("{{ x|default(value='a') }}")
        == .syntax(line: 1, message: "keyword arguments are not supported"))
}
