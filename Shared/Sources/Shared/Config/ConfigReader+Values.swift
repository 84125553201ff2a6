extension ConfigReader {
    /// The value of `key`; unset without a default is a problem ("missing KEY") and gives "".
    public mutating func string(_ key: String, default fallback: String? = nil) -> String {
        typed(key, default: fallback, zero: "", expected: "", show: { $0 }, parse: { $0 })
    }

    /// The value of `key`, or nil when it is unset (never a problem).
    public mutating func optionalString(_ key: String) -> String? {
        let value = raw(key)
        record(key, value ?? "(unset)")
        return value
    }

    /// A boolean: true/false, 1/0, yes/no or on/off in any letter case.
    public mutating func bool(_ key: String, default fallback: Bool? = nil) -> Bool {
        typed(key, default: fallback, zero: false,
              expected: "true/false, 1/0, yes/no or on/off", show: { $0 ? "true" : "false" },
              parse: { text in
                  switch text.trimmed.lowercased() {
                  case "true", "1", "yes", "on": true
                  case "false", "0", "no", "off": false
                  default: nil
                  }
              })
    }

    /// A comma-separated list; items are trimmed and empty items dropped. Unset without a
    /// default, or a value without any item, is a problem.
    public mutating func list(_ key: String, default fallback: [String]? = nil) -> [String] {
        typed(key, default: fallback, zero: [], expected: "a comma-separated list",
              show: { $0.joined(separator: ",") },
              parse: { text in
                  let items = text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
                  return items.isEmpty ? nil : items
              })
    }

    /// One of `allowed`, matched case-insensitively and returned as spelled in `allowed`.
    public mutating func oneOf(_ key: String, _ allowed: [String], default fallback: String? = nil) -> String {
        typed(key, default: fallback, zero: "",
              expected: "one of " + allowed.joined(separator: ", "), show: { $0 },
              parse: { text in
                  let wanted = text.trimmed.lowercased()
                  return allowed.first { $0.lowercased() == wanted }
              })
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
