import Testing
import Shared
import Foundation

@Test("a library renders templates from its folder and reuses the parsed template")
func templateLibraryRenders() throws {
    let folder = try TemplateFixtures.temporaryFolder(["hallo.md": "Hallo {{ name }}!\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let library = TemplateLibrary(directory: folder)
    #expect(try library.render("hallo.md", ["name": "Welt"]) == "Hallo Welt!")
    try "geändert {{ name }}".write(toFile: folder + "/hallo.md", atomically: true, encoding: .utf8)
    let copy = library
    #expect(try copy.render("hallo.md", ["name": "Welt"]) == "Hallo Welt!")
    #expect(try TemplateLibrary(directory: folder + "/").render("hallo.md", ["name": "x"]) == "geändert x")
}

@Test("a missing folder is 'Email template directory not found'")
func templateLibraryMissingDirectory() {
    let library = TemplateLibrary(directory: "/nonexistent/templates/emails")
    #expect(throws: TemplateError.directoryNotFound(path: "/nonexistent/templates/emails")) {
        try library.render("payment_confirmation.md", [:])
    }
    #expect(throws: TemplateError.directoryNotFound(path: "/nonexistent/templates/emails")) { try library.preload() }
    #expect(TemplateError.directoryNotFound(path: "/x").description == "Email template directory not found: /x")
}

@Test("a missing file, a path outside the folder or a folder name is 'not found'")
func templateLibraryMissingFile() throws {
    let folder = try TemplateFixtures.temporaryFolder(["a.md": "a"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/sub.md", withIntermediateDirectories: false)
    let library = TemplateLibrary(directory: folder)
    for name in ["missing.md", "../a.md", "sub.md", ".hidden.md", ""] {
        #expect(throws: TemplateError.templateNotFound(name: name, directory: folder)) { try library.template(named: name) }
    }
    #expect(TemplateError.templateNotFound(name: "x.md", directory: "/t").description == "Email template not found: x.md (in /t)")
}

@Test("errors from the library name the template file")
func templateLibraryErrorsNameTheFile() throws {
    let folder = try TemplateFixtures.temporaryFolder(["broken.md": "ok\n{% if x %}", "bad.md": "{{ 1 < 'a' }}", "latin1.md": ""])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data([0x66, 0xE4, 0x72]).write(to: URL(fileURLWithPath: folder + "/latin1.md"))
    let library = TemplateLibrary(directory: folder)
    let error = #expect(throws: TemplateError.self) { try library.template(named: "broken.md") }
    #expect(error?.description == "Template syntax error in broken.md line 2: missing '{% endif %}' for the 'if' on line 2")
    #expect(throws: TemplateError.render(line: 1, message: "cannot compare int with string", template: "bad.md")) {
        try library.render("bad.md", [:])
    }
    #expect(throws: TemplateError.unreadable(path: folder + "/latin1.md", reason: "not valid UTF-8")) {
        try library.template(named: "latin1.md")
    }
}

@Test("preload parses every *.md template but README.md and reports the first broken one")
func templateLibraryPreload() throws {
    let folder = try TemplateFixtures.temporaryFolder([
        "b.md": "{{ x }}", "a.md": "a", "README.md": "Syntax: {{ name", "notes.txt": "{% nope %}",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try TemplateLibrary(directory: folder).preload() == ["a.md", "b.md"])
    try "{% nope %}".write(toFile: folder + "/c.md", atomically: true, encoding: .utf8)
    #expect(throws: TemplateError.syntax(line: 1, message: "unknown tag 'nope'", template: "c.md")) {
        try TemplateLibrary(directory: folder).preload()
    }
}
