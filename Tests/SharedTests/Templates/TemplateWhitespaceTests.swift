import Testing
import Shared

@Test("comments render nothing and may span lines")
func templateComments() throws {
    #expect(try renderTemplate("a{# note #}b{#\n multi {{ x }} {% if %}\n#}c") == "abc")
}

@Test("without markers, tags keep the surrounding whitespace (Jinja defaults)")
func templateDefaultWhitespace() throws {
    let source = "Liste:\n{% for x in xs %}\n- {{ x }}\n{% endfor %}\nEnde"
    #expect(try renderTemplate(source, ["xs": ["a", "b"]]) == "Liste:\n\n- a\n\n- b\n\nEnde")
}

@Test("- on a tag strips the whitespace before or after it, newlines included")
func templateWhitespaceControl() throws {
    let source = "Liste:\n{%- for x in xs %}\n- {{ x }}\n{%- endfor %}\n\nEnde"
    #expect(try renderTemplate(source, ["xs": ["a", "b"]]) == "Liste:\n- a\n- b\n\nEnde")
    #expect(try renderTemplate("a  {{- x -}}  \n b", ["x": "X"]) == "aXb")
    #expect(try renderTemplate("a \n{#- c -#}\n b") == "ab")
    #expect(try renderTemplate("{{ xs[-1] }}", ["xs": [1, 2]]) == "2")
}

@Test("one trailing newline of the source is dropped, like Jinja's default")
func templateTrailingNewline() throws {
    #expect(try renderTemplate("Hallo\n") == "Hallo")
    #expect(try renderTemplate("Hallo\n\n") == "Hallo\n")
    #expect(try renderTemplate("Hallo\r\n") == "Hallo")
    #expect(try renderTemplate("") == "")
}

@Test("text outside tags is kept byte for byte, including lone braces and UTF-8")
func templateLiteralText() throws {
    #expect(try renderTemplate("{ } }} %} {x} äöü ß € 👋 { {") == "{ } }} %} {x} äöü ß € 👋 { {")
}
