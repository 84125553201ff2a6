internal import Shared

/// An email as the API shows it (§1): the stored texts in wire order, taken from a row without
/// decoding. Normalised on the way out: timestamps in ISO-8601 naive UTC (`T`, microseconds only
/// when non-zero), the unset recipient id `null` (⚠ the original: `0`), `attachments` always an
/// array (`[]` when none), also for rows migrated with the double-encoded string form.
struct EmailRecord: Sendable {
    static let layout = TextRecordLayout([
        ("id", .number), ("therapist_id", .number), ("patient_id", .number), ("betreff", .text),
        ("inhalt_html", .text), ("inhalt_text", .text), ("empfaenger_email", .text), ("empfaenger_name", .text),
        ("absender_email", .text), ("absender_name", .text), ("antwort_erhalten", .bool), ("antwortdatum", .text),
        ("antwortinhalt", .text), ("status", .text), ("in_warteschlange_am", .text), ("gesendet_am", .text),
        ("fehlermeldung", .text), ("wiederholungsanzahl", .numberOrZero), ("created_at", .text), ("updated_at", .text),
        ("attachments", .json),
    ])
    static let timestampColumns = ["antwortdatum", "in_warteschlange_am", "gesendet_am", "created_at", "updated_at"]
        .map { layout.keys.firstIndex(of: $0)! }
    static let attachmentsColumn = layout.keys.firstIndex(of: "attachments")!

    /// One text per layout key, already normalised.
    let values: [String?]

    /// A record from the texts PostgreSQL sent, in layout order.
    init(rowValues: [String?]) {
        var values = rowValues
        for index in Self.timestampColumns { values[index] = values[index].map(Self.iso) }
        values[Self.attachmentsColumn] = JSONWriter().string(.array(Self.attachmentPaths(values[Self.attachmentsColumn]).map { .string($0) }))
        self.values = values
    }

    /// The JSON object.
    var json: [UInt8] {
        var out: [UInt8] = []
        Self.layout.append(values, to: &out)
        return out
    }

    /// PostgreSQL's `2025-06-07 10:11:12.12` → `2025-06-07T10:11:12.120000`.
    static func iso(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if bytes.count > 10, bytes[10] == UInt8(ascii: " ") { bytes[10] = UInt8(ascii: "T") }
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.count - dot - 1 < 6 {
            bytes += repeatElement(UInt8(ascii: "0"), count: 6 - (bytes.count - dot - 1))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The paths of a stored `attachments` value: a JSON array, or (migrated rows) a JSON string
    /// holding an array. Anything else, and non-string entries, count as no paths.
    static func attachmentPaths(_ stored: String?) -> [String] {
        guard let stored, let value = try? JSONParser.parse(Array(stored.utf8)) else { return [] }
        let list: JSONValue? = switch value {
        case .array: value
        case .string(let inner): try? JSONParser.parse(Array(inner.utf8))
        default: nil
        }
        return list?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
