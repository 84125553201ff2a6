/// A value that can be bound as a `SQL` parameter in PostgreSQL's text format.
public protocol PostgresTextEncodable: Sendable {
    /// The text PostgreSQL parses for this value; nil binds SQL NULL.
    var postgresText: String? { get }
}

extension Int: PostgresTextEncodable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresTextEncodable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresTextEncodable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension String: PostgresTextEncodable {
    /// The string itself (no quoting needed: it travels as a parameter).
    public var postgresText: String? { self }
}

extension Bool: PostgresTextEncodable {
    /// `t` or `f`.
    public var postgresText: String? { self ? "t" : "f" }
}

extension Double: PostgresTextEncodable {
    /// Shortest round-tripping decimal; `NaN`, `Infinity` and `-Infinity` as PostgreSQL spells them.
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }
}

extension LocalDate: PostgresTextEncodable {
    /// `YYYY-MM-DD`.
    public var postgresText: String? { description }
}

extension UTCTimestamp: PostgresTextEncodable {
    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`.
    public var postgresText: String? { description }
}

extension Optional: PostgresTextEncodable where Wrapped: PostgresTextEncodable {
    /// nil binds SQL NULL.
    public var postgresText: String? { self?.postgresText }
}

extension Array: PostgresTextEncodable where Element: PostgresArrayElement {
    /// A PostgreSQL array literal such as `{1,2}` or `{"a","b \"c\""}`.
    public var postgresText: String? { PostgresArrayLiteral.encode(map(\.postgresArrayItem)) }
}

/// A JSON document bound or read as text (`json`/`jsonb` columns). The text is not validated
/// here; PostgreSQL rejects malformed JSON with a typed error.
public struct PostgresJSON: PostgresTextEncodable, Hashable {
    /// The JSON text.
    public var text: String
    /// Wraps JSON text.
    public init(_ text: String) { self.text = text }
    /// The JSON text.
    public var postgresText: String? { text }
}
