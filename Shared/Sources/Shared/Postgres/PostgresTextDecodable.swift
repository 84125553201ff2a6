/// A type that can be read from a column in PostgreSQL's text format.
public protocol PostgresTextDecodable: Sendable {
    /// A short type name for decoding errors, e.g. `Int` or `text[]`.
    static var postgresTypeName: String { get }
    /// The value for `text`, or nil when the text does not have the expected form.
    static func decode(postgresText text: String) -> Self?
}

extension Int: PostgresTextDecodable {
    /// `Int`.
    public static var postgresTypeName: String { "Int" }
    /// Decimal digits (`smallint`, `integer`, `bigint`).
    public static func decode(postgresText text: String) -> Int? { Int(text) }
}

extension Int64: PostgresTextDecodable {
    /// `Int64`.
    public static var postgresTypeName: String { "Int64" }
    /// Decimal digits.
    public static func decode(postgresText text: String) -> Int64? { Int64(text) }
}

extension String: PostgresTextDecodable {
    /// `String`.
    public static var postgresTypeName: String { "String" }
    /// The text as is: also the lossless form of `numeric` and of `json`/`jsonb`.
    public static func decode(postgresText text: String) -> String? { text }
}

extension Bool: PostgresTextDecodable {
    /// `Bool`.
    public static var postgresTypeName: String { "Bool" }
    /// `t` or `f`.
    public static func decode(postgresText text: String) -> Bool? {
        switch text { case "t": true; case "f": false; default: nil }
    }
}

extension Double: PostgresTextDecodable {
    /// `Double`.
    public static var postgresTypeName: String { "Double" }
    /// Decimal or exponent notation, `NaN`, `Infinity`, `-Infinity`.
    public static func decode(postgresText text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }
}

extension LocalDate: PostgresTextDecodable {
    /// `LocalDate`.
    public static var postgresTypeName: String { "LocalDate" }
    /// `YYYY-MM-DD` (`DateStyle=ISO`).
    public static func decode(postgresText text: String) -> LocalDate? { LocalDate(text) }
}

extension UTCTimestamp: PostgresTextDecodable {
    /// `UTCTimestamp`.
    public static var postgresTypeName: String { "UTCTimestamp" }
    /// `timestamp` or `timestamptz` in ISO form, UTC.
    public static func decode(postgresText text: String) -> UTCTimestamp? { UTCTimestamp(text) }
}

extension PostgresJSON: PostgresTextDecodable {
    /// `JSON`.
    public static var postgresTypeName: String { "JSON" }
    /// The JSON text as PostgreSQL returns it.
    public static func decode(postgresText text: String) -> PostgresJSON? { PostgresJSON(text) }
}

extension Array: PostgresTextDecodable where Element: PostgresArrayElement & PostgresTextDecodable {
    /// `[Element]`.
    public static var postgresTypeName: String { "[\(Element.postgresTypeName)]" }
    /// A one-dimensional array literal without NULL elements.
    public static func decode(postgresText text: String) -> [Element]? {
        guard let items = PostgresArrayLiteral.parse(text) else { return nil }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let item, let element = Element.fromPostgresArrayItem(item) else { return nil }
            result.append(element)
        }
        return result
    }
}
