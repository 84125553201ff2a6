extension TemplateValue {
    /// The template view of a JSON value: objects become dictionaries, integral numbers `int`,
    /// other numbers `double` (e.g. an imported registration as the `patient` of an email).
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = Int(text).map(TemplateValue.int) ?? .double(Double(text) ?? 0)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(TemplateValue.init(json:)))
        case .object(let object):
            var dict: [String: TemplateValue] = [:]
            for (key, value) in object { dict[key] = TemplateValue(json: value) }
            self = .dict(dict)
        }
    }
}
