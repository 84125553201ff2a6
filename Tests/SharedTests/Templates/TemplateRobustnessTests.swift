import Testing
import Shared

/// Pieces random templates are built from: every kind of tag, half-open tags and stray tokens.
private let fragments = [
    "{{ ", " }}", "{% ", " %}", "{# ", " #}", "{%- ", " -%}", "{{- ", " -}}", "if ", "elif ", "else", "endif",
    "for ", "in ", "endfor", "set ", "= ", "x", "p.name", "xs", "loop.index", "'s'", "\"q", "1", "-2", "3.5",
    "[", "]", "(", ")", ",", "|", "default('d')", "join(', ')", "length", "==", "!=", "<", "and ", "or ",
    "not ", "is ", "defined", "none", "~", "\n", "text ", "ä", "{", "}", "%", "#", "\\",
]

@Test("random templates parse or fail with a syntax error; those that parse render or fail cleanly")
func templateRandomSources() {
    var generator = SplitMix64(seed: 0x7E3A_1A7E)
    let context: [String: TemplateValue] = ["x": 1, "xs": ["a", "b"], "p": ["name": "N"]]
    var parsed = 0
    for _ in 0..<3000 {
        let count = Int.random(in: 1...24, using: &generator)
        let source = (0..<count).map { _ in fragments.randomElement(using: &generator)! }.joined()
        do {
            let template = try Template(source: source)
            parsed += 1
            do { _ = try template.render(context) } catch {
                guard case .render = error else { Issue.record("unexpected \(error) for \(source)"); continue }
            }
        } catch {
            guard case .syntax(let line, _, _) = error, line >= 1 else { Issue.record("unexpected \(error) for \(source)"); continue }
        }
    }
    #expect(parsed > 100)
}

@Test("one library renders concurrently from many tasks")
func templateLibraryConcurrentRendering() async throws {
    let library = TemplateLibrary(directory: TemplateFixtures.emailDirectory)
    let bodies = try await withThrowingTaskGroup(of: String.self) { group in
        for index in 0..<32 {
            group.addTask {
                try library.render("payment_confirmation.md", ["patient": [
                    "anrede": "Frau", "nachname": .string("N\(index % 2)"), "zahlungsreferenz": "r",
                ]])
            }
        }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(bodies.count == 2)
}
