/// Builds a flat JSON object into bytes without `JSONEncoder`, for small hot-path bodies
/// (health, problems). Keys are written as given; string values are escaped.
public struct JSONBuilder: Sendable {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    /// Starts an empty object.
    public init() { bytes.reserveCapacity(128) }

    /// Adds `"name": "value"`.
    public mutating func member(_ name: String, string value: String) {
        key(name)
        JSONString.append(value, to: &bytes)
    }

    /// Adds `"name": 123`.
    public mutating func member(_ name: String, int value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Adds `"name": [..strings..]`.
    public mutating func member(_ name: String, strings values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds `"name": true` or `false`.
    public mutating func member(_ name: String, bool value: Bool) { member(name, raw: value ? "true" : "false") }

    /// Adds `"name": <raw>`; `raw` must already be valid JSON.
    public mutating func member(_ name: String, raw: String) {
        key(name)
        bytes.append(contentsOf: raw.utf8)
    }

    /// Adds `"name": <raw bytes>`; the bytes must already be valid JSON.
    public mutating func member(_ name: String, rawBytes: [UInt8]) {
        key(name)
        bytes.append(contentsOf: rawBytes)
    }

    /// Closes the object and returns its bytes.
    public consuming func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    private mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONString.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
}
