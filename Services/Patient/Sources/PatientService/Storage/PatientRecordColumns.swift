internal import Shared

/// Turns rows of `patient_service.patienten` (any column order, extra columns allowed) into
/// `PatientRecord`s without decoding: the texts are taken as PostgreSQL sent them.
struct PatientRecordColumns {
    let columns: TextRecordColumns

    init(columnNames: [String]) throws {
        columns = try TextRecordColumns(PatientRecord.layout, columnNames: columnNames)
    }

    func record(_ row: PostgresRow) -> PatientRecord { PatientRecord(values: columns.values(row)) }
}
