/// A parsed JSON value that keeps what `JSONDecoder` loses: the order of object members and
/// the exact spelling of numbers. Signature checks (canonical JSON in original key order) and
/// request validation that must tell "absent" from `null` from a wrong type are built on it.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number token exactly as written (`1`, `-0.50`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object (the last one when repeated); nil for absent keys and non-objects.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// The string, when this is a string.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// The number as an integer, when it is one (`3`, not `3.5` or `"3"`).
    public var intValue: Int? { if case .number(let text) = self { Int(text) } else { nil } }

    /// The number as a double, when this is a number.
    public var doubleValue: Double? { if case .number(let text) = self { Double(text) } else { nil } }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let value) = self { value } else { nil } }

    /// The object, when this is an object.
    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }

    /// The JSON type name used in messages: `null`, `boolean`, `number`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// Deliberately not ExpressibleByNilLiteral: with `JSONValue?` everywhere, a `nil` literal that
// silently meant JSON null instead of "absent" caused a real bug; write `.null`.
extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer number.
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    /// A floating-point number (Swift's shortest round-trip spelling).
    public init(floatLiteral value: Double) { self = .number(String(value)) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object with members in the written order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
