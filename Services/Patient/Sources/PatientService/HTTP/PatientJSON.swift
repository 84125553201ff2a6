internal import Shared

/// Writes patients in the wire shape of patient.md §1 (every key of `PatientRecord.layout`, in
/// order, null when unset); the only JSON writer for patients.
enum PatientJSON {
    /// `"key":` prefixes, precomputed (the first opens the object).
    static let prefixes: [[UInt8]] = PatientRecord.layout.enumerated().map { index, entry in
        Array(((index == 0 ? "{\"" : ",\"") + entry.key + "\":").utf8)
    }

    static func object(_ patient: Patient) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        append(PatientRecord(patient), to: &out)
        return out
    }

    /// `[record, …]`.
    static func array(_ records: [PatientRecord]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(records.count * 900 + 2)
        for (index, record) in records.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(record, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func append(_ record: PatientRecord, to out: inout [UInt8]) {
        for (position, entry) in PatientRecord.layout.enumerated() {
            out += prefixes[position]
            guard let value = record.values[position] else { out += "null".utf8; continue }
            switch entry.kind {
            case .number, .json: out += value.utf8
            case .text: JSONString.append(value, to: &out)
            case .bool: out += (value == "t" ? "true" : "false").utf8
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}
