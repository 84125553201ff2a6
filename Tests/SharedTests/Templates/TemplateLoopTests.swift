import Testing
import Shared

@Test("for renders the body per item with loop.index, first, last and length")
func templateForLoop() throws {
    let source = "{% for s in symptome %}{{ loop.index }}/{{ loop.length }} {{ s }}{% if not loop.last %}, {% endif %}{% endfor %}"
    #expect(try renderTemplate(source, ["symptome": ["Angst", "Schlaf", "Stress"]]) == "1/3 Angst, 2/3 Schlaf, 3/3 Stress")
    #expect(try renderTemplate("{% for x in xs %}{% if loop.first %}[{% endif %}{{ loop.index0 }}{% endfor %}", ["xs": [1, 2]])
        == "[01")
}

@Test("for over objects of a list reads their fields; nested loops shadow loop")
func templateNestedLoops() throws {
    let context: [String: TemplateValue] = ["patients": [
        ["id": 1, "symptome": ["Angst"]], ["id": 2, "symptome": ["Schlaf", "Stress"]],
    ]]
    let source = "{% for p in patients %}#{{ p.id }}:{% for s in p.symptome %}{{ loop.index }}{{ s }}{% endfor %};{% endfor %}"
    #expect(try renderTemplate(source, context) == "#1:1Angst;#2:1Schlaf2Stress;")
}

@Test("for-else renders for an empty, null or undefined iterable")
func templateForElse() throws {
    let source = "{% for f in forms %}- {{ f }}\n{% else %}keine{% endfor %}"
    #expect(try renderTemplate(source, ["forms": ["a.pdf", "b.pdf"]]) == "- a.pdf\n- b.pdf\n")
    #expect(try renderTemplate(source, ["forms": []]) == "keine")
    #expect(try renderTemplate(source, ["forms": nil]) == "keine")
    #expect(try renderTemplate(source) == "keine")
}

@Test("for over an object yields its keys sorted, over a string its characters")
func templateForOverDictAndString() throws {
    #expect(try renderTemplate("{% for k in d %}{{ k }}={{ d[k] }} {% endfor %}", ["d": ["b": 2, "a": 1]]) == "a=1 b=2 ")
    #expect(try renderTemplate("{% for c in 'äb' %}[{{ c }}]{% endfor %}") == "[ä][b]")
}

@Test("set assigns a variable; inside a loop only for that iteration")
func templateSet() throws {
    let source = """
    {% set wer = 'die Therapeutin' if g == 'weiblich' else 'den Therapeuten' %}Rufen Sie {{ wer }} an.\
    {% for x in [1, 2] %}{% set wer = x %}{% endfor %} {{ wer }}
    """
    #expect(try renderTemplate(source, ["g": "weiblich"]) == "Rufen Sie die Therapeutin an. die Therapeutin")
    #expect(try renderTemplate(source, ["g": "männlich"]) == "Rufen Sie den Therapeuten an. den Therapeuten")
}
