internal import Shared

/// A scraped directory file (therapist.md §6.2): `{"therapists": [ … ]}`.
struct ImportDocument: Sendable {
    /// The entries in file order, skipped ones included.
    let therapists: [JSONValue]

    /// Parses the file; the error is the one message the file then contributes.
    init(bytes: [UInt8]) throws(ImportFileError) {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw .invalidJSON(error.description) }
        guard let list = value["therapists"]?.arrayValue else { throw .missingTherapists }
        therapists = list
    }

    /// Only adult therapy is imported: some `therapy_methods` entry contains `Erwachsene`.
    /// Everything else is skipped, which is not an error.
    static func isImported(_ entry: JSONValue) -> Bool {
        entry["therapy_methods"]?.arrayValue?.contains { $0.stringValue?.contains("Erwachsene") == true } ?? false
    }
}

/// Why a whole file could not be imported.
enum ImportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON; the parser's text names position and problem, never content.
    case invalidJSON(String)
    /// No `therapists` array at the top level.
    case missingTherapists
    /// The file could not be read.
    case unreadable(String)

    var description: String {
        switch self {
        case .invalidJSON(let text): "Invalid JSON: \(text)"
        case .missingTherapists: "Invalid file structure: missing therapists array"
        case .unreadable(let text): "Cannot read file: \(text)"
        }
    }
}
