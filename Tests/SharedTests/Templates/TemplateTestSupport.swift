import Foundation
import Shared
import TestSupport

/// Parses and renders `source` in one step.
func renderTemplate(_ source: String, _ context: [String: TemplateValue] = [:]) throws -> String {
    try Template(source: source).render(context)
}

/// The error parsing `source` throws, nil if it parses.
func templateSyntaxError(_ source: String) -> TemplateError? {
    do { _ = try Template(source: source); return nil } catch { return error }
}

enum TemplateFixtures {
    /// `templates/emails` of this checkout, found from this file's path.
    static var emailDirectory: String {
        Repository.path("templates/emails")
    }

    /// A fresh folder under the temporary directory holding `files` (name → content).
    static func temporaryFolder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}
