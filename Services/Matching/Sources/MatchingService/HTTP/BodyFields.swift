internal import Shared

/// Reading request bodies and queries the way the original's parser did (§3–§6): a required
/// field missing or null is a 400 with an object message; integers may come as numeric strings.
enum BodyFields {
    static let missingText = "Missing required parameter in the JSON body or the post body or the query string"

    static func requiredInt(_ body: JSONObject, _ field: String) throws(MatchingError) -> Int {
        guard let value = body[field], !value.isNull else { throw .missingParameter(field: field, text: missingText) }
        guard let number = int(value) else { throw .missingParameter(field: field, text: "invalid integer value") }
        return number
    }

    /// An optional integer; absent or null is nil, anything else that is not an integer a 400.
    static func optionalInt(_ body: JSONObject, _ field: String) throws(MatchingError) -> Int? {
        guard let value = body[field], !value.isNull else { return nil }
        guard let number = int(value) else { throw .missingParameter(field: field, text: "invalid integer value") }
        return number
    }

    static func int(_ value: JSONValue) -> Int? {
        if let number = value.intValue { return number }
        if let double = value.doubleValue, double == double.rounded(), abs(double) < 1e15 { return Int(double) }
        return value.stringValue.flatMap { Int($0.trimmingWhitespace()) }
    }

    /// An optional string; numbers are taken as their text, other types are a 400.
    static func optionalString(_ body: JSONObject, _ field: String) throws(MatchingError) -> String? {
        guard let value = body[field], !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        if case .number(let text) = value { return text }
        throw .missingParameter(field: field, text: "must be a string")
    }

    /// A query integer; empty or `0` is no filter, non-integers are ignored like the original.
    static func queryInt(_ query: QueryParameters, _ name: String) -> Int? {
        guard let value = query[name].flatMap({ Int($0.trimmingWhitespace()) }), value != 0 else { return nil }
        return value
    }
}
