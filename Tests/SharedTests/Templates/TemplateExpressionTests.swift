import Testing
import Shared

@Test("dotted paths, subscripts and list positions read the context")
func templatePaths() throws {
    let context: [String: TemplateValue] = [
        "patient": ["nachname": "Muster", "adresse": ["ort": "Berlin"], "symptome": ["Angst", "Schlaf"]],
        "key": "nachname",
    ]
    #expect(try renderTemplate("{{ patient.nachname }}, {{ patient.adresse.ort }}", context) == "Muster, Berlin")
    #expect(try renderTemplate("{{ patient['nachname'] }} {{ patient[key] }}", context) == "Muster Muster")
    #expect(try renderTemplate("{{ patient.symptome.0 }}/{{ patient.symptome[1] }}/{{ patient.symptome[-1] }}", context)
        == "Angst/Schlaf/Schlaf")
}

@Test("undefined variables and paths through them render as empty text")
func templateUndefined() throws {
    let context: [String: TemplateValue] = ["patient": ["nachname": "Muster", "titel": nil]]
    #expect(try renderTemplate("[{{ missing }}][{{ missing.deeper.still }}][{{ patient.vorname }}]", context) == "[][][]")
    #expect(try renderTemplate("[{{ patient.titel }}][{{ patient.nachname.x }}][{{ patient[3] }}]", context) == "[][][]")
}

@Test("values render like Jinja: numbers, True/False, lists; no HTML escaping")
func templateValueRendering() throws {
    let context: [String: TemplateValue] = [
        "count": 3, "price": 95.0, "ratio": 1.5, "flag": true, "off": false,
        "list": ["a", 1], "markup": "<b>**fett** & co</b>",
    ]
    #expect(try renderTemplate("{{ count }} {{ price }} {{ ratio }} {{ flag }} {{ off }}", context) == "3 95.0 1.5 True False")
    #expect(try renderTemplate("{{ list }}", context) == "['a', 1]")
    #expect(try renderTemplate("{{ markup }}", context) == "<b>**fett** & co</b>")
}

@Test("literals: quoted strings with escapes, numbers, booleans, none, lists")
func templateLiterals() throws {
    #expect(try renderTemplate(#"{{ 'it\'s' }} {{ "say \"hi\"" }} {{ 'ä%}ö' }}"#) == #"it's say "hi" ä%}ö"#)
    #expect(try renderTemplate("{{ 42 }} {{ 2.5 }} {{ true }} {{ False }} [{{ none }}] {{ [1, 'x'] }}")
        == "42 2.5 True False [] [1, 'x']")
}

@Test("comparisons: ==, !=, ordering, in / not in; ints equal doubles")
func templateComparisons() throws {
    let context: [String: TemplateValue] = ["n": 3, "x": 3.0, "name": "Herr", "list": ["a", "b"], "dict": ["k": 1]]
    #expect(try renderTemplate("{{ n == 3 }} {{ n == x }} {{ name != 'Frau' }} {{ name == 'herr' }}", context)
        == "True True True False")
    #expect(try renderTemplate("{{ n < 4 }} {{ n <= 3 }} {{ n > 3.5 }} {{ n >= 3 }} {{ 'a' < 'b' }}", context)
        == "True True False True True")
    #expect(try renderTemplate("{{ 'a' in list }} {{ 'c' not in list }} {{ 'k' in dict }} {{ 'er' in name }}", context)
        == "True True True True")
    #expect(try renderTemplate("{{ missing == none }} {{ missing == missing2 }}", context) == "False True")
}

@Test("and/or return an operand like Python; not, ~ and the if-else expression")
func templateLogic() throws {
    let context: [String: TemplateValue] = ["empty": "", "name": "Muster", "group": true]
    #expect(try renderTemplate("{{ empty or 'Nicht angegeben' }}|{{ name or 'x' }}|{{ name and 'ja' }}", context)
        == "Nicht angegeben|Muster|ja")
    #expect(try renderTemplate("{{ not group }} {{ not empty and group }} {{ not (name == 'Muster') }}", context)
        == "False True False")
    #expect(try renderTemplate("{{ 'Herr ' ~ name ~ 1 }}", context) == "Herr Muster1")
    #expect(try renderTemplate("{{ 'Gruppe' if group else 'Einzel' }}|{{ 'x' if empty }}|", context) == "Gruppe||")
}

@Test("is defined / undefined / none tests")
func templateTests() throws {
    let context: [String: TemplateValue] = ["date": "1. Juli", "nothing": nil]
    #expect(try renderTemplate("{{ date is defined }} {{ missing is defined }} {{ missing is undefined }}", context)
        == "True False True")
    #expect(try renderTemplate("{{ nothing is none }} {{ date is not none }} {{ nothing is defined }}", context)
        == "True True True")
}
