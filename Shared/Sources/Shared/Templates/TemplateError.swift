/// Why a template could not be loaded, parsed or rendered; the description names the file and
/// line so whoever edits the template can find the spot.
public enum TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source is not valid template syntax; `line` is 1-based, `template` the file name when known.
    case syntax(line: Int, message: String, template: String? = nil)
    /// The template parsed but an expression failed on this context (e.g. `5 < 'a'`).
    case render(line: Int, message: String, template: String? = nil)
    /// The configured template folder does not exist (or is not a folder).
    case directoryNotFound(path: String)
    /// The folder exists but has no template of this name.
    case templateNotFound(name: String, directory: String)
    /// The file exists but could not be read as UTF-8 text.
    case unreadable(path: String, reason: String)

    /// The 1-based source line for syntax and render errors, nil otherwise.
    public var line: Int? {
        switch self {
        case .syntax(let line, _, _), .render(let line, _, _): line
        default: nil
        }
    }

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .syntax(let line, let message, let template):
            "Template syntax error in \(template ?? "template") line \(line): \(message)"
        case .render(let line, let message, let template):
            "Template render error in \(template ?? "template") line \(line): \(message)"
        case .directoryNotFound(let path):
            "Email template directory not found: \(path)"
        case .templateNotFound(let name, let directory):
            "Email template not found: \(name) (in \(directory))"
        case .unreadable(let path, let reason):
            "Email template unreadable: \(path): \(reason)"
        }
    }

    /// The same error attributed to the file `name` (the library knows it, the parser does not).
    func inTemplate(_ name: String) -> TemplateError {
        switch self {
        case .syntax(let line, let message, _): .syntax(line: line, message: message, template: name)
        case .render(let line, let message, _): .render(line: line, message: message, template: name)
        default: self
        }
    }
}
