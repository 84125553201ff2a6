import Testing
import Shared

private let salutation = """
{% if anrede == 'Herr' %}Sehr geehrter Herr{% elif anrede == 'Frau' %}Sehr geehrte Frau\
{% else %}Guten Tag{% endif %} {{ name }},
"""

@Test("if/elif/else picks the first true branch", arguments: [
    ("Herr", "Sehr geehrter Herr Muster,"), ("Frau", "Sehr geehrte Frau Muster,"), ("divers", "Guten Tag Muster,"),
])
func templateElif(anrede: String, expected: String) throws {
    #expect(try renderTemplate(salutation, ["anrede": .string(anrede), "name": "Muster"]) == expected)
}

@Test("Jinja truthiness: empty string, 0, 0.0, false, null, [], {} and undefined are false", arguments: [
    (TemplateValue.string(""), false), (" ", true), ("0", true), (0, false), (7, true), (0.0, false), (0.5, true),
    (false, false), (true, true), (nil, false), ([], false), ([0], true), (.dict([:]), false), (["k": nil], true),
] as [(TemplateValue, Bool)])
func templateTruthiness(value: TemplateValue, truthy: Bool) throws {
    #expect(value.isTruthy == truthy)
    #expect(try renderTemplate("{% if v %}yes{% else %}no{% endif %}", ["v": value]) == (truthy ? "yes" : "no"))
}

@Test("an undefined condition is false; if without else renders nothing")
func templateUndefinedCondition() throws {
    #expect(try renderTemplate("a{% if missing.flag %}X{% endif %}b") == "ab")
    #expect(try renderTemplate("{% if not missing %}none{% endif %}") == "none")
}

@Test("conditions nest and combine with and/or/not")
func templateNestedConditions() throws {
    let source = """
    {% if group and not voucher %}{% if price %}zahlen: {{ price }}{% else %}gratis{% endif %}\
    {% elif voucher or free %}Gutschein{% endif %}
    """
    #expect(try renderTemplate(source, ["group": true, "voucher": false, "price": "95,00 Euro"]) == "zahlen: 95,00 Euro")
    #expect(try renderTemplate(source, ["group": true, "voucher": false, "price": ""]) == "gratis")
    #expect(try renderTemplate(source, ["group": true, "voucher": true]) == "Gutschein")
    #expect(try renderTemplate(source, ["free": 1]) == "Gutschein")
    #expect(try renderTemplate(source, [:]) == "")
}
