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
            parameters.append(value.flatMap { $0.postgresText })  // a closure: key paths are built at run time
            text += "$\(parameters.count)"
        }

        /// Appends another statement fragment, renumbering its parameters.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = parameters.count
            parameters += fragment.parameters
            text += offset == 0 || fragment.parameters.isEmpty ? fragment.text : SQL.renumber(fragment.text, by: offset)
        }
    }

    /// `text` with every `$n` placeholder shifted by `offset` (literals in quotes are kept).
    /// Works on UTF-8 bytes: `$`, `'` and digits are ASCII and never part of a multi-byte character.
    static func renumber(_ text: String, by offset: Int) -> String {
        var result: [UInt8] = [], number = 0, inQuote = false, afterDollar = false, hasDigits = false
        result.reserveCapacity(text.utf8.count + 16)
        func flush() {
            if afterDollar {
                result.append(UInt8(ascii: "$"))
                if hasDigits { result += String(number + offset).utf8 }
            }
            afterDollar = false; hasDigits = false; number = 0
        }
        for byte in text.utf8 {
            if afterDollar, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                hasDigits = true
                continue
            }
            flush()
            if byte == UInt8(ascii: "'") { inQuote.toggle() }
            if byte == UInt8(ascii: "$"), !inQuote { afterDollar = true } else { result.append(byte) }
        }
        flush()
        return String(decoding: result, as: UTF8.self)
    }
}
