/// A parsed expression; evaluation is pure (no calls, no side effects).
indirect enum TemplateExpression: Equatable, Sendable {
    case literal(TemplateValue)
    /// A list literal `[a, b]`.
    case list([TemplateExpression])
    case variable(String)
    /// `base.name`, also `base.0` for list positions.
    case attribute(TemplateExpression, String)
    /// `base[key]` for object keys and list positions.
    case item(TemplateExpression, TemplateExpression)
    case not(TemplateExpression)
    /// `a and b` yields `a` when it is falsy, else `b` (Python semantics), likewise `or`.
    case and(TemplateExpression, TemplateExpression)
    case or(TemplateExpression, TemplateExpression)
    case compare(TemplateExpression, Comparison, TemplateExpression)
    /// `a ~ b`: both rendered as text and joined.
    case concat(TemplateExpression, TemplateExpression)
    /// `then if condition else otherwise`; without `else` the result is undefined.
    case conditional(then: TemplateExpression, condition: TemplateExpression, otherwise: TemplateExpression?)
    case filter(TemplateExpression, TemplateFilter, arguments: [TemplateExpression])
    /// `value is [not] defined|undefined|none`.
    case test(TemplateExpression, TemplateTest, negated: Bool)

    enum Comparison: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<="
        case greater = ">", greaterOrEqual = ">=", contains = "in", notContains = "not in"
    }
}

/// The `is` tests templates may use.
enum TemplateTest: String, Sendable {
    case defined, undefined, none
}
