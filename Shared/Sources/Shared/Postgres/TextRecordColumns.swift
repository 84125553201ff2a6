internal import Synchronization

/// Takes a `TextRecordLayout`'s values from rows by column name (any column order, extra
/// columns allowed), without decoding: the texts as PostgreSQL sent them.
public struct TextRecordColumns: Sendable {
    /// The column index of each layout key.
    let columns: [Int]

    /// Resolutions already made: the few statements that use a layout never change their columns.
    private static let resolved = Mutex<[(keys: [String], names: [String], columns: [Int])]>([])

    /// Resolves `layout`'s keys among `columnNames`; a missing key is an error naming it.
    public init(_ layout: TextRecordLayout, columnNames: [String]) throws(PostgresDecodingError) {
        if let known = Self.resolved.withLock({ $0.first { $0.names == columnNames && $0.keys == layout.keys } }) {
            columns = known.columns
            return
        }
        var columns: [Int] = []
        for key in layout.keys {
            guard let index = columnNames.firstIndex(of: key) else { throw PostgresDecodingError(.missingColumn, column: key, expected: "a column") }
            columns.append(index)
        }
        self.columns = columns
        Self.resolved.withLock { [columns] in
            if $0.count >= 8 { $0.removeFirst() }
            $0.append((layout.keys, columnNames, columns))
        }
    }

    /// The row's texts in layout order.
    public func values(_ row: PostgresRow) -> [String?] { columns.map { row.text(at: $0) } }
}
