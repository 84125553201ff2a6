/// Reads consecutive columns of a row in `SELECT` order, e.g. to decode a domain type from a
/// fixed column list: each call takes the next column.
public struct PostgresRowReader {
    /// The row being read.
    public let row: PostgresRow
    /// The next column to read.
    public private(set) var index: Int

    /// A reader starting at column `index` (e.g. 1 to skip an `id` decoded separately).
    public init(row: PostgresRow, startingAt index: Int = 0) {
        self.row = row
        self.index = index
    }

    /// The next column, which must not be NULL.
    public mutating func next<T: PostgresTextDecodable>() throws(PostgresDecodingError) -> T {
        defer { index += 1 }
        return try row.decode(at: index, as: T.self)
    }

    /// The next column, nil for NULL.
    public mutating func next<T: PostgresTextDecodable>() throws(PostgresDecodingError) -> T? {
        defer { index += 1 }
        return try row.decode(at: index, as: T?.self)
    }

    /// The next column parsed as JSON (`json`/`jsonb`), nil for NULL.
    public mutating func json() throws -> JSONValue? {
        guard let text: String = try next() else { return nil }
        return try JSONParser.parse(text)
    }

    /// The next column as a vocabulary value (an enum column); an unknown spelling is a type mismatch.
    public mutating func vocabulary<V: Vocabulary>() throws(PostgresDecodingError) -> V {
        guard let value: V = try optionalVocabulary() else {
            throw PostgresDecodingError(.unexpectedNull, column: row.columnNames[index - 1], expected: String(describing: V.self))
        }
        return value
    }

    /// The next column as a vocabulary value, nil for NULL.
    public mutating func optionalVocabulary<V: Vocabulary>() throws(PostgresDecodingError) -> V? {
        guard let text: String = try next() else { return nil }
        guard let value = V(rawValue: text) else {
            throw PostgresDecodingError(.typeMismatch, column: row.columnNames[index - 1], expected: String(describing: V.self))
        }
        return value
    }
}
