/// One lexical token inside `{{ … }}` or `{% … %}`, with the source line it starts on.
struct ExpressionToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// An identifier or keyword (`patient`, `if`, `and`, `true`).
        case name(String)
        /// A quoted literal, escapes resolved.
        case string(String)
        case int(Int)
        case double(Double)
        /// Punctuation or an operator: `. , ( ) [ ] | ~ = == != < <= > >= -`.
        case symbol(String)
    }

    let kind: Kind
    let line: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .name(let name): name
        case .string(let text): "'\(text)'"
        case .int(let number): String(number)
        case .double(let number): number.description
        case .symbol(let symbol): symbol
        }
    }

    func isName(_ name: String) -> Bool { kind == .name(name) }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
}

/// ASCII byte classes the lexers share; template syntax is ASCII, text and strings may be any UTF-8.
enum TemplateByte {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
    static func isNamePart(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
}
