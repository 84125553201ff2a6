/// How the original Python services saw JSON values; request validation reproduces their
/// messages with these.
extension JSONValue {
    /// Python's truthiness, which the original's "is it provided" checks used.
    public var isFalsy: Bool {
        switch self {
        case .null: true
        case .bool(let flag): !flag
        case .number(let text): Double(text) == 0
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .object(let object): object.count == 0
        }
    }

    /// How Python's `str()` shows a value inside messages (`True`, `None`, `5`, text as-is).
    public var pythonText: String {
        switch self {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .number(let text): text
        case .string(let text): text
        case .array, .object: JSONWriter().string(self)
        }
    }

    /// Why PostgreSQL's `jsonb` would refuse this value (NUL in text, numbers beyond `double`), if it would.
    public var storageProblem: String? {
        switch self {
        case .null, .bool: nil
        case .number(let text): (Double(text)?.isFinite ?? false) ? nil : "contains a number out of range"
        case .string(let text): text.utf8.contains(0) ? "must not contain NUL characters" : nil
        case .array(let items): items.lazy.compactMap(\.storageProblem).first
        case .object(let object):
            object.members.lazy.compactMap { $0.key.utf8.contains(0) ? "must not contain NUL characters" : $0.value.storageProblem }.first
        }
    }
}

/// Python's `f"{x:.1f}"` for the non-negative rates of the import reports (exact ties such as
/// 56.25 round half to even, as Python does: `56.2`).
public func pythonOneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded(.toNearestOrEven))
    return "\(tenths / 10).\(tenths % 10)"
}
