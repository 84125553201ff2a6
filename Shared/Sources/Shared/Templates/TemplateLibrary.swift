#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
import Synchronization

/// The email templates of one folder (`*.md`, e.g. `patient_registration_confirmation.md`),
/// each parsed on first use and then kept. The services point it at `EMAIL_TEMPLATE_DIR`.
///
/// A missing folder is reported as `.directoryNotFound` ("Email template directory not
/// found") at use, so a service can start and report it per email as the original did;
/// call `preload()` at startup or in a test to fail fast on any broken template instead.
public struct TemplateLibrary: Sendable {
    /// The configuration variable naming the template folder.
    public static let directoryVariable = "EMAIL_TEMPLATE_DIR"
    /// Files in the folder that are documentation, not templates.
    public static let ignoredFiles: Set<String> = ["README.md"]

    /// The folder the templates are read from, as configured.
    public let directory: String
    private let cache = TemplateCache()

    /// A library reading from `directory`; nothing is read until a template is asked for.
    public init(directory: String) {
        self.directory = directory
    }

    /// The parsed template `name` (a plain file name such as `payment_confirmation.md`).
    /// Names with a path separator or a leading dot are refused as not found.
    public func template(named name: String) throws(TemplateError) -> Template {
        if let cached = cache.state.withLock({ $0[name] }) { return cached }
        guard isDirectory(directory) else { throw .directoryNotFound(path: directory) }
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else {
            throw .templateNotFound(name: name, directory: directory)
        }
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        guard FileManager.default.fileExists(atPath: path), !isDirectory(path) else {
            throw .templateNotFound(name: name, directory: directory)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        guard let source = String(validating: data, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        let template: Template
        do { template = try Template(source: source) } catch { throw error.inTemplate(name) }
        cache.state.withLock { $0[name] = template }
        return template
    }

    /// Template `name` rendered with `context`; errors name the file.
    public func render(_ name: String, _ context: [String: TemplateValue]) throws(TemplateError) -> String {
        let template = try template(named: name)
        do { return try template.render(context) } catch { throw error.inTemplate(name) }
    }

    /// Parses every `*.md` template of the folder (except `ignoredFiles`) into the cache and
    /// returns their names, sorted; the first broken template or a missing folder throws.
    @discardableResult
    public func preload() throws(TemplateError) -> [String] {
        guard isDirectory(directory), let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .directoryNotFound(path: directory)
        }
        let names = entries.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && !Self.ignoredFiles.contains($0) }.sorted()
        for name in names { _ = try template(named: name) }
        return names
    }

    private func isDirectory(_ path: String) -> Bool {
        var isFolder = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder
    }
}

/// The parsed templates, shared by every copy of a library.
private final class TemplateCache: Sendable {
    let state = Mutex<[String: Template]>([:])
}
