/// An element type of a one-dimensional PostgreSQL array (`int[]`, `bigint[]`, `text[]`).
public protocol PostgresArrayElement: PostgresTextEncodable {
    /// The element's text inside an array literal (quoted when needed by the literal encoder).
    var postgresArrayItem: String { get }
    /// Parses one unquoted element text.
    static func fromPostgresArrayItem(_ text: String) -> Self?
}

extension Int: PostgresArrayElement {
    /// Decimal digits.
    public var postgresArrayItem: String { String(self) }
    /// Parses decimal digits.
    public static func fromPostgresArrayItem(_ text: String) -> Int? { Int(text) }
}

extension Int64: PostgresArrayElement {
    /// Decimal digits.
    public var postgresArrayItem: String { String(self) }
    /// Parses decimal digits.
    public static func fromPostgresArrayItem(_ text: String) -> Int64? { Int64(text) }
}

extension String: PostgresArrayElement {
    /// The string itself.
    public var postgresArrayItem: String { self }
    /// The string itself.
    public static func fromPostgresArrayItem(_ text: String) -> String? { text }
}

/// Encoding and parsing of one-dimensional array literals (`{a,"b c",NULL}`).
enum PostgresArrayLiteral {
    /// Every item double-quoted with `"` and `\` escaped: always valid, whatever the content.
    static func encode(_ items: [String]) -> String {
        var text = "{"
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for character in item {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    /// The items of a one-dimensional literal; an unquoted `NULL` is nil. Nil when malformed.
    static func parse(_ text: String) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        var items: [String?] = [], current = "", quoted = false, inQuotes = false, escaped = false
        var index = 1
        while index < scalars.count - 1 {
            let scalar = scalars[index]
            index += 1
            if escaped { current.unicodeScalars.append(scalar); escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "\"": inQuotes.toggle(); quoted = true
            case "," where !inQuotes:
                items.append(quoted || current != "NULL" ? current : nil)
                (current, quoted) = ("", false)
            case "{" where !inQuotes, "}" where !inQuotes: return nil   // multi-dimensional
            default: current.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes, !escaped else { return nil }
        if scalars.count > 2 { items.append(quoted || current != "NULL" ? current : nil) }
        return items
    }
}
