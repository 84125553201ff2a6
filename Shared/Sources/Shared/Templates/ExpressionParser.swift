/// Recursive-descent parser for the tokens of one tag, with Jinja's precedence (loosest first):
/// `x if c else y`, `or`, `and`, `not`, comparisons and `in`, `~`, then postfix `.a`, `[k]`,
/// `|filter(args)` and `is test`.
struct ExpressionParser {
    let tokens: [ExpressionToken]
    private let tagLine: Int
    var index = 0
    private var depth = 0

    /// Deep enough for any real template, shallow enough that `((((…` cannot exhaust the stack.
    static let maximumDepth = 64

    init(_ tokens: [ExpressionToken], tagLine: Int) {
        self.tokens = tokens
        self.tagLine = tagLine
    }

    var isAtEnd: Bool { index >= tokens.count }
    var current: ExpressionToken? { isAtEnd ? nil : tokens[index] }
    private var line: Int { current?.line ?? tokens.last?.line ?? tagLine }

    /// Whether the token `offset` places ahead is the symbol or keyword `text`.
    func peek(_ text: String, offset: Int) -> Bool {
        guard index + offset < tokens.count else { return false }
        let token = tokens[index + offset]
        return token.isName(text) || token.isSymbol(text)
    }

    func error(_ message: String) -> TemplateError { .syntax(line: line, message: message) }

    /// Fails unless every token was used: `{{ a b }}` is an error, not `a`.
    func expectEnd() throws(TemplateError) {
        if let token = current { throw error("unexpected '\(token.display)'") }
    }

    mutating func advance() -> ExpressionToken? {
        defer { index += 1 }
        return current
    }

    /// Consumes the next token if it is the keyword `name`.
    mutating func accept(name: String) -> Bool {
        guard current?.isName(name) == true else { return false }
        index += 1
        return true
    }

    mutating func accept(symbol: String) -> Bool {
        guard current?.isSymbol(symbol) == true else { return false }
        index += 1
        return true
    }

    mutating func expect(symbol: String) throws(TemplateError) {
        guard accept(symbol: symbol) else {
            throw error(current.map { "expected '\(symbol)', found '\($0.display)'" } ?? "expected '\(symbol)'")
        }
    }

    /// A plain identifier (loop or `set` target, attribute name); keywords are refused.
    mutating func identifier(_ role: String) throws(TemplateError) -> String {
        guard case .name(let name)? = current?.kind, !Self.keywords.contains(name) else {
            throw error(current.map { "expected \(role), found '\($0.display)'" } ?? "expected \(role)")
        }
        index += 1
        return name
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "elif", "for", "set",
                                        "true", "false", "True", "False", "none", "None"]

    mutating func enter() throws(TemplateError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("expression nested too deeply") }
    }

    mutating func leave() { depth -= 1 }
}
