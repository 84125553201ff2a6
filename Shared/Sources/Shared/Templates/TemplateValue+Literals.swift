extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A `.string` from an interpolated literal.
    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .string(String(stringInterpolation: stringInterpolation))
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An `.int` from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// A `.double` from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A `.list` from an array literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A `.dict` from a dictionary literal; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dict(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue {
    /// `.string`, or `.null` when `value` is nil: for optional model fields.
    public init(_ value: String?) { self = value.map(TemplateValue.string) ?? .null }
    /// `.int`, or `.null` when `value` is nil.
    public init(_ value: Int?) { self = value.map(TemplateValue.int) ?? .null }
    /// `.bool`, or `.null` when `value` is nil.
    public init(_ value: Bool?) { self = value.map(TemplateValue.bool) ?? .null }
}
