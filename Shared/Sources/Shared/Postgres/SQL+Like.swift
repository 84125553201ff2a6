extension SQL {
    /// `text` for a `LIKE`/`ILIKE` pattern with `%`, `_` and `\` matching literally (backslash is
    /// PostgreSQL's default escape character); add the wildcards around it yourself.
    public static func escapingLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
