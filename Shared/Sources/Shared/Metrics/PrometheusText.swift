/// Pieces of the Prometheus text exposition format 0.0.4: number formatting, escaping, names
/// and a line writer. Label sets travel as their rendered inner text, `a="1",b="2"`.
enum PrometheusText {
    /// A sample value or `le` bound as Prometheus clients print it: `NaN`, `+Inf`, `-Inf`,
    /// integral values without a fraction, anything else in Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == value.rounded(.towardZero), abs(value) < 9.007_199_254_740_992e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// Escapes `\`, `"` and newline, as label values require.
    static func escapeLabelValue(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Escapes `\` and newline, as `# HELP` text requires.
    static func escapeHelp(_ help: String) -> String {
        escape(help, quotes: false)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        let needsWork = text.utf8.contains { $0 == 0x5C || $0 == 0x0A || (quotes && $0 == 0x22) }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where quotes: out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inner text of a label set, in the given order: `a="1",b="2"`.
    static func labels<S: Sequence<(String, String)>>(_ pairs: S) -> String {
        var out = ""
        for (name, value) in pairs {
            if !out.isEmpty { out += "," }
            out += name + "=\"" + escapeLabelValue(value) + "\""
        }
        return out
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isValidMetricName(_ name: String) -> Bool {
        isValidName(name, allowColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with the reserved `__`.
    static func isValidLabelName(_ name: String) -> Bool {
        isValidName(name, allowColon: false) && !name.hasPrefix("__")
    }

    private static func isValidName(_ name: String, allowColon: Bool) -> Bool {
        var first = true
        for byte in name.utf8 {
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let ok = letter || byte == 0x5F || (allowColon && byte == 0x3A)
                || (!first && byte >= 0x30 && byte <= 0x39)
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// Accumulates the exposition text.
    struct Writer {
        private(set) var output = ""

        /// `# HELP` and `# TYPE` lines of a family.
        mutating func header(_ name: String, help: String, type: MetricType) {
            output += "# HELP " + name + " " + PrometheusText.escapeHelp(help) + "\n"
            output += "# TYPE " + name + " " + type.rawValue + "\n"
        }

        /// One sample line; `labels` is the inner text, empty for none.
        mutating func sample(_ name: String, suffix: String = "", labels: String, value: String) {
            output += name
            output += suffix
            if !labels.isEmpty { output += "{" + labels + "}" }
            output += " " + value + "\n"
        }
    }
}
