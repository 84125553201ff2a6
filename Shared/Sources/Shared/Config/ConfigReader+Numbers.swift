extension ConfigReader {
    /// An integer, optionally limited to `range`; surrounding spaces are ignored.
    public mutating func int(_ key: String, default fallback: Int? = nil, range: ClosedRange<Int>? = nil) -> Int {
        typed(key, default: fallback, zero: 0,
              expected: "an integer" + Self.describe(range), show: { String($0) },
              parse: { text in
                  guard let value = Int(text.trimmed), range?.contains(value) ?? true else { return nil }
                  return value
              })
    }

    /// A finite number, optionally limited to `range`; surrounding spaces are ignored.
    public mutating func double(
        _ key: String, default fallback: Double? = nil, range: ClosedRange<Double>? = nil
    ) -> Double {
        typed(key, default: fallback, zero: 0,
              expected: "a number" + Self.describe(range), show: { String($0) },
              parse: { text in
                  guard let value = Double(text.trimmed), value.isFinite,
                        range?.contains(value) ?? true else { return nil }
                  return value
              })
    }

    /// A TCP port, 1–65535.
    public mutating func port(_ key: String, default fallback: Int? = nil) -> Int {
        int(key, default: fallback, range: 1...65535)
    }

    /// A duration given in seconds, whole or fractional ("10", "0.5"); at most 10⁹ seconds.
    public mutating func seconds(_ key: String, default fallback: Duration) -> Duration {
        typed(key, default: fallback, zero: .zero,
              expected: "a number of seconds 0-1000000000, e.g. 10 or 0.5", show: Self.describe,
              parse: { text in
                  guard let value = Double(text.trimmed), value.isFinite,
                        (0...1_000_000_000).contains(value) else { return nil }
                  return .nanoseconds(Int64((value * 1_000_000_000).rounded()))
              })
    }

    static func describe<T: Comparable>(_ range: ClosedRange<T>?) -> String {
        guard let range else { return "" }
        return " \(range.lowerBound)-\(range.upperBound)"
    }

    /// `10s`, `0.5s`: whole seconds without a fraction, others as a decimal number.
    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds)s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18)s"
    }
}
