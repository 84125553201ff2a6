/// One result row. Values stay in PostgreSQL's text format until decoded by column name or
/// index into a `PostgresTextDecodable` type; problems are `PostgresDecodingError`s.
public struct PostgresRow: Sendable {
    let columns: PostgresColumns
    let values: [String?]

    /// The column names, in result order.
    public var columnNames: [String] { columns.names }

    /// Decodes column `name`; NULL is an error (decode as an optional to accept it).
    public func decode<T: PostgresTextDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresDecodingError) -> T {
        try decode(at: index(of: name), as: T.self)
    }

    /// Decodes column `name`; NULL gives nil.
    public func decode<T: PostgresTextDecodable>(_ name: String, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        try decode(at: index(of: name), as: T?.self)
    }

    /// Decodes the column at `index` (0-based); NULL is an error.
    public func decode<T: PostgresTextDecodable>(at index: Int, as type: T.Type = T.self) throws(PostgresDecodingError) -> T {
        guard let value = try decode(at: index, as: T?.self) else {
            throw PostgresDecodingError(.unexpectedNull, column: columns.names[index], expected: T.postgresTypeName)
        }
        return value
    }

    /// Decodes the column at `index` (0-based); NULL gives nil.
    public func decode<T: PostgresTextDecodable>(at index: Int, as type: T?.Type) throws(PostgresDecodingError) -> T? {
        guard values.indices.contains(index) else {
            throw PostgresDecodingError(.missingColumn, column: "#\(index)", expected: T.postgresTypeName)
        }
        guard let text = values[index] else { return nil }
        guard let value = T.decode(postgresText: text) else {
            throw PostgresDecodingError(.typeMismatch, column: columns.names[index], expected: T.postgresTypeName)
        }
        return value
    }

    /// The column at `index` in PostgreSQL's text format, nil for NULL (and for an index past
    /// the end): for hot paths that copy values through without converting them.
    public func text(at index: Int) -> String? { values.indices.contains(index) ? values[index] : nil }

    /// Whether column `name` is NULL.
    public func isNull(_ name: String) throws(PostgresDecodingError) -> Bool {
        values[try index(of: name)] == nil
    }

    private func index(of name: String) throws(PostgresDecodingError) -> Int {
        guard let index = columns.names.firstIndex(of: name) else {
            throw PostgresDecodingError(.missingColumn, column: name, expected: "a column")
        }
        return index
    }
}

/// Column names shared by all rows of one result.
final class PostgresColumns: Sendable {
    let names: [String]
    // Lookups by name scan `names` (first match wins): results have few columns, and hashing
    // every name of every result cost more than the scans (measured on the patient list).

    init(names: [String]) {
        self.names = names
    }
}

/// Why a column could not be decoded. Names the column and the expected type, never the value.
public struct PostgresDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Equatable {
        /// No column with that name or index.
        case missingColumn
        /// The column is NULL but a non-optional type was requested.
        case unexpectedNull
        /// The text does not have the form of the requested type.
        case typeMismatch
    }

    /// The kind of problem.
    public let kind: Kind
    /// The column name (or `#index`).
    public let column: String
    /// The requested type.
    public let expected: String

    init(_ kind: Kind, column: String, expected: String) { (self.kind, self.column, self.expected) = (kind, column, expected) }

    /// E.g. `column "birthday": NULL, expected LocalDate`.
    public var description: String {
        switch kind {
        case .missingColumn: "no column \"\(column)\""
        case .unexpectedNull: "column \"\(column)\": NULL, expected \(expected)"
        case .typeMismatch: "column \"\(column)\": not a valid \(expected)"
        }
    }
}
