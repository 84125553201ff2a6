/// The wire layout of a flat JSON object whose values arrive as texts, e.g. PostgreSQL's text
/// format of a row: the keys in order and how each text is written. Rendering needs no decoding
/// into domain types, so a read endpoint and a write endpoint that render the same texts
/// produce the same bytes.
public struct TextRecordLayout: Sendable {
    /// How a text becomes a JSON value; nil texts are `null` unless the kind says otherwise.
    public enum Kind: Sendable, Equatable {
        /// The text is a JSON number as is.
        case number
        /// The text is written as a JSON string.
        case text
        /// `t` → `true`, anything else → `false`.
        case bool
        /// The text is JSON as is.
        case json
        /// JSON kept only when it is an object; `{}` for anything else and for null.
        case object
        /// JSON kept when it is an array; `[]` for null; any other value wrapped as `[value]`.
        case array
        /// A JSON number, `0` for null.
        case numberOrZero
    }

    /// The keys, in order.
    public let keys: [String]
    /// The kind of each key's value.
    public let kinds: [Kind]
    /// `"key":` prefixes, precomputed (the first opens the object).
    let prefixes: [[UInt8]]

    /// A layout of `entries` in order.
    public init(_ entries: [(key: String, kind: Kind)]) {
        keys = entries.map(\.key)
        kinds = entries.map(\.kind)
        prefixes = entries.enumerated().map { index, entry in Array(((index == 0 ? "{\"" : ",\"") + entry.key + "\":").utf8) }
    }

    /// Appends the object for `values` (one text per key, nil for null) to `out`.
    public func append(_ values: [String?], to out: inout [UInt8]) {
        precondition(values.count == keys.count, "one value per key")
        for position in keys.indices {
            out += prefixes[position]
            Self.append(values[position], as: kinds[position], to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `[object, …]` for `records`.
    public func array(_ records: [[String?]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(records.count * 64 * keys.count + 2)
        for (index, record) in records.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(record, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func append(_ value: String?, as kind: Kind, to out: inout [UInt8]) {
        switch (kind, value) {
        case (.object, let text?) where text.utf8.first == UInt8(ascii: "{"): out += text.utf8
        case (.object, _): out += "{}".utf8
        case (.array, nil): out += "[]".utf8
        case (.array, let text?) where text.utf8.first == UInt8(ascii: "["): out += text.utf8
        case (.array, let text?): out.append(UInt8(ascii: "[")); out += text.utf8; out.append(UInt8(ascii: "]"))
        case (.numberOrZero, nil): out.append(UInt8(ascii: "0"))
        case (_, nil): out += "null".utf8
        case (.number, let text?), (.json, let text?), (.numberOrZero, let text?): out += text.utf8
        case (.text, let text?): JSONString.append(text, to: &out)
        case (.bool, let text?): out += (text == "t" ? "true" : "false").utf8
        }
    }
}
