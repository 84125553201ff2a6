import Testing
import Shared

@Test("a leading **Betreff:** line becomes the subject; the blank lines after it go")
func templateSubjectSplit() {
    let (subject, body) = Template.splitSubject("**Betreff:** Registrierung erfolgreich  \n\n\nSehr geehrte Frau X,\n\nText",
                                                default: "Standard")
    #expect(subject == "Registrierung erfolgreich")
    #expect(body == "Sehr geehrte Frau X,\n\nText")
}

@Test("without a subject line the default subject is used and the body is unchanged")
func templateSubjectDefault() {
    let text = "Sehr geehrte Frau X,\n**Betreff:** not first\n"
    #expect(Template.splitSubject(text, default: "Standard") == ("Standard", text))
    #expect(Template.splitSubject("", default: "Standard") == ("Standard", ""))
}

@Test("leading blank lines, CRLF, an empty subject text and a subject-only text are handled")
func templateSubjectEdgeCases() {
    #expect(Template.splitSubject("\n  \n**Betreff:** Hallo\r\n\r\nText\r\nmehr", default: "D") == ("Hallo", "Text\r\nmehr"))
    #expect(Template.splitSubject("**Betreff:**   \nText", default: "D") == ("D", "Text"))
    #expect(Template.splitSubject("**Betreff:** Nur Betreff", default: "D") == ("Nur Betreff", ""))
    #expect(Template.splitSubject("**Betreff:** A\n\n  \n    eingerückt", default: "D") == ("A", "    eingerückt"))
}

@Test("JSON values become template values: objects as dictionaries, integral numbers as ints")
func templateValueFromJSON() throws {
    let value = TemplateValue(json: try JSONParser.parse(#"{"a": [1, 2.5, true, null, "x"], "b": {"c": "d"}}"#))
    #expect(value == .dict(["a": .list([.int(1), .double(2.5), .bool(true), .null, .string("x")]), "b": .dict(["c": "d"])]))
}
