/// One node of a parsed template. Each tag node keeps its source line for render errors.
indirect enum TemplateNode: Equatable, Sendable {
    case text(String)
    /// `{{ expression }}`.
    case output(TemplateExpression, line: Int)
    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`: the first truthy branch renders, else `otherwise`.
    case conditional([ConditionalBranch], otherwise: [TemplateNode])
    /// `{% for name in iterable %}…{% else %}…{% endfor %}`; `otherwise` renders for an empty iterable.
    case loop(variable: String, iterable: TemplateExpression, body: [TemplateNode], otherwise: [TemplateNode], line: Int)
    /// `{% set name = expression %}`: assigns in the current scope (inside a loop: for that iteration).
    case assignment(variable: String, value: TemplateExpression, line: Int)
}

/// One `if`/`elif` arm.
struct ConditionalBranch: Equatable, Sendable {
    let condition: TemplateExpression
    let body: [TemplateNode]
    let line: Int
}

/// The variables visible while rendering: the caller's context, then one frame per loop level.
struct TemplateScope {
    private var frames: [[String: TemplateValue]]

    init(_ context: [String: TemplateValue]) { frames = [context] }

    /// The innermost binding of `name`, nil when undefined.
    func lookup(_ name: String) -> TemplateValue? {
        for frame in frames.reversed() { if let value = frame[name] { return value } }
        return nil
    }

    mutating func assign(_ name: String, _ value: TemplateValue) { frames[frames.count - 1][name] = value }
    mutating func push() { frames.append([:]) }
    mutating func pop() { frames.removeLast() }
}
