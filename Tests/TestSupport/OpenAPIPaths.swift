import Foundation

/// The operations an OpenAPI YAML document declares, read by a line scanner (no YAML parser),
/// for contract tests that compare a service's registered routes with its `openapi.yaml`.
///
/// The scanner relies on the documents' layout: 2-space, block-style indentation and no
/// anchors. Under the top-level `paths:` key, path keys are lines at indent 2 that start with
/// `/` (optionally quoted) and end with `:`; method keys are lines at indent 4 among
/// `get put post delete patch head options`; `operationId` is read at indent 6 inside a
/// method. The section ends at the next top-level key (e.g. `components:` or `webhooks:`).
/// Blank lines and comment lines are skipped; nested keys (`responses`, `"200"`, schema
/// properties called `get`) sit deeper and are never taken for methods. Flow style where the
/// scanner needs block style (`/x: {get: …}`) is an error rather than a silent miss.
public struct OpenAPIPaths: Sendable {
    /// Operations as `"<METHOD> <path>"`, e.g. `"GET /api/patients/{id}"`.
    public let signatures: Set<String>
    /// The same signatures in document order (route tables mirror `paths:` in order).
    public let orderedSignatures: [String]
    /// `operationId` by signature; operations without one are absent.
    public let operationIDs: [String: String]

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// Reads and scans `file` (a relative path is resolved against the working directory).
    public init(file: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw OpenAPIPathsError.unreadable(file: file, reason: String(describing: error))
        }
        try self.init(yaml: text, source: file)
    }

    /// Scans YAML text; `source` names it in errors.
    public init(yaml: String, source: String = "<yaml>") throws {
        var ordered: [String] = []
        var seen: Set<String> = []
        var ids: [String: String] = [:]
        var signatureByID: [String: String] = [:]
        var foundPaths = false
        var inPaths = false
        var path: String?
        var signature: String?

        // `\r\n` is one Character in Swift, so split on any newline character, not on "\n".
        for (index, line) in yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            let key = Self.key(content)

            if indent == 0 {
                inPaths = false
                path = nil
                signature = nil
                guard let key, key.name == "paths" else { continue }
                if foundPaths { throw OpenAPIPathsError.unsupportedSyntax(source: source, line: lineNumber, text: String(line)) }
                foundPaths = true
                switch key.value {
                case "": inPaths = true
                case "{}": break
                default: throw OpenAPIPathsError.unsupportedSyntax(source: source, line: lineNumber, text: String(line))
                }
                continue
            }
            guard inPaths else { continue }

            switch indent {
            case 2:
                signature = nil
                path = nil
                guard let key, key.name.hasPrefix("/") else { continue }
                guard key.value.isEmpty else {
                    throw OpenAPIPathsError.unsupportedSyntax(source: source, line: lineNumber, text: String(line))
                }
                path = key.name
            case 4:
                signature = nil
                guard let path, let key, Self.methods.contains(key.name) else { continue }
                guard key.value.isEmpty else {
                    throw OpenAPIPathsError.unsupportedSyntax(source: source, line: lineNumber, text: String(line))
                }
                let new = key.name.uppercased() + " " + path
                guard seen.insert(new).inserted else {
                    throw OpenAPIPathsError.duplicateOperation(source: source, line: lineNumber, signature: new)
                }
                ordered.append(new)
                signature = new
            case 6:
                guard let signature, let key, key.name == "operationId", !key.value.isEmpty else { continue }
                if let other = signatureByID[key.value] {
                    throw OpenAPIPathsError.duplicateOperationID(source: source, line: lineNumber, operationID: key.value,
                                                                 signatures: [other, signature])
                }
                signatureByID[key.value] = signature
                ids[signature] = key.value
            default:
                continue
            }
        }
        guard foundPaths else { throw OpenAPIPathsError.missingPaths(source: source) }
        signatures = seen
        orderedSignatures = ordered
        operationIDs = ids
    }

    /// Splits `key: value` (key possibly quoted); the value loses a trailing comment and its
    /// quotes. Nil for lines that are not mapping keys (sequence items, continuation text).
    static func key(_ content: Substring) -> (name: String, value: String)? {
        var name: String
        var rest: Substring
        if let quote = content.first, quote == "\"" || quote == "'" {
            guard let (unquoted, end) = unquote(content) else { return nil }
            name = unquoted
            rest = content[end...].drop { $0 == " " }
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst()
            guard rest.isEmpty || rest.first == " " else { return nil }
        } else {
            guard !content.hasPrefix("- ") && content != "-" else { return nil }
            // The first colon followed by a space or the end of the line ends the key.
            var cursor = content.startIndex
            var found: Substring.Index?
            while let colon = content[cursor...].firstIndex(of: ":") {
                let next = content.index(after: colon)
                if next == content.endIndex || content[next] == " " { found = colon; break }
                cursor = next
            }
            guard let found else { return nil }
            name = String(content[..<found])
            rest = content[content.index(after: found)...]
            if name.hasSuffix(" ") { name = String(name.reversed().drop { $0 == " " }.reversed()) }
        }
        return (name, value(rest))
    }

    /// The scalar after a key: trimmed, comment removed, quotes removed.
    private static func value(_ raw: Substring) -> String {
        let trimmed = raw.drop { $0 == " " }
        if trimmed.first == "\"" || trimmed.first == "'", let (text, _) = unquote(trimmed) { return text }
        var text = trimmed
        if trimmed.hasPrefix("#") {
            text = ""
        } else if let comment = trimmed.range(of: " #") {
            text = trimmed[..<comment.lowerBound]
        }
        return String(text.reversed().drop { $0 == " " }.reversed())
    }

    /// A quoted scalar at the start of `text` and the index after its closing quote. Double
    /// quotes honour backslash escapes for `"` and `\`; single quotes use `''` for `'`.
    private static func unquote(_ text: Substring) -> (String, Substring.Index)? {
        guard let quote = text.first else { return nil }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if quote == "\"" && character == "\\" && next < text.endIndex {
                result.append(text[next])
                index = text.index(after: next)
            } else if character == quote {
                if quote == "'" && next < text.endIndex && text[next] == "'" {
                    result.append("'")
                    index = text.index(after: next)
                } else {
                    return (result, next)
                }
            } else {
                result.append(character)
                index = next
            }
        }
        return nil
    }
}

/// Why an OpenAPI document could not be scanned.
public enum OpenAPIPathsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// There is no top-level `paths:` key.
    case missingPaths(source: String)
    /// The same method and path appear twice.
    case duplicateOperation(source: String, line: Int, signature: String)
    /// Two operations share an `operationId`.
    case duplicateOperationID(source: String, line: Int, operationID: String, signatures: [String])
    /// A layout the scanner cannot read reliably (flow style for paths or methods, a second `paths:`).
    case unsupportedSyntax(source: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "cannot read OpenAPI document \(file): \(reason)"
        case .missingPaths(let source):
            "\(source): no top-level paths: key"
        case .duplicateOperation(let source, let line, let signature):
            "\(source):\(line): duplicate operation \(signature)"
        case .duplicateOperationID(let source, let line, let operationID, let signatures):
            "\(source):\(line): operationId \(operationID) used by \(signatures.joined(separator: " and "))"
        case .unsupportedSyntax(let source, let line, let text):
            "\(source):\(line): unsupported layout for the line scanner (use block style): \(text)"
        }
    }
}
