internal import Shared
internal import Synchronization

/// Turns rows of `patient_service.patienten` (any column order, extra columns allowed) into
/// `PatientRecord`s without decoding: the texts are taken as PostgreSQL sent them.
struct PatientRecordColumns {
    /// The column index of each `PatientRecord.layout` key.
    let columns: [Int]

    /// Resolutions of the few statements that use this: their columns never change.
    private static let resolved = Mutex<[(names: [String], columns: [Int])]>([])

    init(columnNames: [String]) throws {
        if let known = Self.resolved.withLock({ $0.first { $0.names == columnNames } }) {
            columns = known.columns
            return
        }
        columns = try PatientRecord.layout.map { entry in
            guard let index = columnNames.firstIndex(of: entry.key) else { throw StorageError.missingColumn(entry.key) }
            return index
        }
        Self.resolved.withLock { [columns] in
            if $0.count >= 4 { $0.removeFirst() }
            $0.append((columnNames, columns))
        }
    }

    func record(_ row: PostgresRow) -> PatientRecord {
        PatientRecord(values: columns.map { row.text(at: $0) })
    }
}
