internal import Shared
internal import Synchronization

/// Writes patient rows straight from PostgreSQL's text format into the wire JSON of
/// patient.md §1 (keys in spec order, whatever the column order), without building `Patient`
/// values: the read endpoints' hot path. Must produce what `PatientJSON` produces; the HTTP
/// tests compare both.
struct PatientDocumentWriter {
    enum Kind { case number, text, bool, json }

    static let layout: [(key: String, kind: Kind)] = [
        ("id", .number), ("anrede", .text), ("geschlecht", .text), ("vorname", .text), ("nachname", .text),
        ("strasse", .text), ("plz", .text), ("ort", .text), ("email", .text), ("telefon", .text), ("hausarzt", .text),
        ("krankenkasse", .text), ("krankenversicherungsnummer", .text), ("geburtsdatum", .text), ("symptome", .json),
        ("erfahrung_mit_psychotherapie", .bool), ("letzte_sitzung_vorherige_psychotherapie", .text),
        ("vertraege_unterschrieben", .bool), ("startdatum", .text), ("erster_therapieplatz_am", .text),
        ("funktionierender_therapieplatz_am", .text), ("status", .text), ("empfehler_der_unterstuetzung", .text),
        ("zahlungsreferenz", .text), ("zahlung_eingegangen", .bool), ("zeitliche_verfuegbarkeit", .json),
        ("raeumliche_verfuegbarkeit", .json), ("verkehrsmittel", .text), ("offen_fuer_gruppentherapie", .bool),
        ("offen_fuer_diga", .bool), ("letzter_kontakt", .text), ("ausgeschlossene_therapeuten", .json),
        ("bevorzugtes_therapeutengeschlecht", .text), ("bevorzugtes_therapieverfahren", .text),
        ("created_at", .text), ("updated_at", .text),
    ]

    /// `"key":` prefixes, precomputed (the first without the comma).
    static let prefixes: [[UInt8]] = layout.enumerated().map { index, entry in
        Array(((index == 0 ? "{\"" : ",\"") + entry.key + "\":").utf8)
    }

    /// Column index per layout entry, resolved by name.
    let columns: [Int]

    /// Resolutions of the few statements that use the writer: their columns never change.
    private static let resolved = Mutex<[(names: [String], columns: [Int])]>([])

    init(columnNames: [String]) throws {
        if let known = Self.resolved.withLock({ $0.first { $0.names == columnNames } }) {
            columns = known.columns
            return
        }
        columns = try Self.layout.map { entry in
            guard let index = columnNames.firstIndex(of: entry.key) else { throw StorageError.missingColumn(entry.key) }
            return index
        }
        Self.resolved.withLock { [columns] in
            if $0.count >= 4 { $0.removeFirst() }
            $0.append((columnNames, columns))
        }
    }

    func append(_ row: PostgresRow, to out: inout [UInt8]) {
        for (position, entry) in Self.layout.enumerated() {
            out += Self.prefixes[position]
            guard let value = row.text(at: columns[position]) else { out += "null".utf8; continue }
            switch entry.kind {
            case .number, .json: out += value.utf8
            case .text: JSONString.append(value, to: &out)
            case .bool: out += (value == "t" ? "true" : "false").utf8
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}
