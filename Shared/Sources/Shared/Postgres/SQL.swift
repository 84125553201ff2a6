/// A SQL statement whose interpolated values become `$1`, `$2`, … parameters and travel
/// separately from the text, so they can never change the statement:
///
///     try await db.query("SELECT id FROM patients WHERE email = \(email) AND active = \(true)")
///
/// Only `PostgresTextEncodable` values can be interpolated. Identifiers or fragments that must
/// become part of the text go through `SQL(unsafe:)`, which is easy to spot in review.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The interpolation builder.
    public typealias StringInterpolation = Builder

    /// The statement text with `$n` placeholders.
    public private(set) var text: String
    /// The parameter values in text format; nil is SQL NULL.
    public private(set) var parameters: [String?]

    /// A statement without parameters.
    public init(stringLiteral value: String) { (text, parameters) = (value, []) }

    /// A statement built by interpolation.
    public init(stringInterpolation builder: Builder) { (text, parameters) = (builder.text, builder.parameters) }

    /// Uses `text` verbatim as SQL. Never pass user input: this is the escape hatch for
    /// trusted, program-chosen fragments such as schema or table names.
    public init(unsafe text: String) { (self.text, parameters) = (text, []) }

    /// The statement text only: parameters are never shown (they may be health data).
    public var description: String { text }

    /// Collects literal text and parameters.
    public struct Builder: StringInterpolationProtocol, Sendable {
        var text = ""
        var parameters: [String?] = []

        /// Reserves room for the literal text.
        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
            parameters.reserveCapacity(interpolationCount)
        }

        /// Appends literal SQL text.
        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// Appends a parameter placeholder `$n` for `value`.
        public mutating func appendInterpolation(_ value: some PostgresTextEncodable) {
            parameters.append(value.postgresText)
            text += "$\(parameters.count)"
        }

        /// Appends an optional value as a `$n` parameter; nil becomes SQL NULL. (An explicit
        /// overload, so optionals are intended here and the compiler does not warn.)
        public mutating func appendInterpolation<Value: PostgresTextEncodable>(_ value: Value?) {
            parameters.append(value.flatMap(\.postgresText))
            text += "$\(parameters.count)"
        }

        /// Appends another statement fragment, renumbering its parameters.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = parameters.count
            parameters += fragment.parameters
            text += offset == 0 ? fragment.text : SQL.renumber(fragment.text, by: offset)
        }
    }

    /// `text` with every `$n` placeholder shifted by `offset` (literals in quotes are kept).
    static func renumber(_ text: String, by offset: Int) -> String {
        var result = "", digits = "", inQuote = false, afterDollar = false
        func flush() {
            if afterDollar { result += "$" + (digits.isEmpty ? "" : String(Int(digits)! + offset)) }
            afterDollar = false; digits = ""
        }
        for character in text {
            if afterDollar, character.isASCII, character.isNumber { digits.append(character); continue }
            flush()
            if character == "'" { inQuote.toggle() }
            if character == "$", !inQuote { afterDollar = true } else { result.append(character) }
        }
        flush()
        return result
    }
}
