internal import Shared

/// Writes patients in the wire shape of patient.md §1 (every key of `PatientRecord.layout`, in
/// order, null when unset); the only JSON writer for patients.
enum PatientJSON {
    static func object(_ patient: Patient) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        append(PatientRecord(patient), to: &out)
        return out
    }

    /// `[record, …]`.
    static func array(_ records: [PatientRecord]) -> [UInt8] { PatientRecord.layout.array(records.map(\.values)) }

    static func append(_ record: PatientRecord, to out: inout [UInt8]) { PatientRecord.layout.append(record.values, to: &out) }
}
