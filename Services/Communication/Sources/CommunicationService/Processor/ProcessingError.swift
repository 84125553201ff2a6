internal import Shared

/// Why a verified file did not lead to a sent email. The text goes to the statistics and to
/// the notification; it never contains payload values other than field names.
enum ProcessingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Step 2 of §7: missing fields or the email was not sent (`Failed to process <kind> file`).
    case failed(String)
    /// Step 3 of §7: a payload of an unexpected shape (`Error processing <kind> file`); the
    /// original raised an exception here.
    case unexpected(String)

    var description: String {
        switch self {
        case .failed(let text), .unexpected(let text): text
        }
    }

    /// The `data` member of a verified file as an object, else `.unexpected`.
    static func payload(_ value: JSONValue?, name: String = "data") throws(ProcessingError) -> JSONObject {
        guard let object = value?.objectValue else { throw .unexpected("'\(name)' is not a JSON object") }
        return object
    }
}

extension JSONObject {
    /// The member as text when Python would count it as provided (truthy), else nil.
    func providedText(_ key: String) -> String? {
        guard let value = self[key], !value.isFalsy else { return nil }
        return value.pythonText
    }

    /// The member, or `fallback` when it is missing or null.
    func value(_ key: String, default fallback: JSONValue) -> JSONValue {
        guard let value = self[key], !value.isNull else { return fallback }
        return value
    }
}
