/// A validated label set: its rendered text, in the order given, and its identity, in label
/// name order, so `[a, b]` and `[b, a]` name the same series.
struct LabelSet {
    let text: String
    let key: String

    /// Checks names (valid, unique, not `reserved`) and renders the set.
    init(_ pairs: KeyValuePairs<String, String>, reserved: String? = nil) {
        guard !pairs.isEmpty else {
            text = ""
            key = ""
            return
        }
        let given = pairs.map { ($0.key, $0.value) }
        let sorted = given.sorted { $0.0 < $1.0 }
        for (i, (name, _)) in sorted.enumerated() {
            precondition(PrometheusText.isValidLabelName(name), "invalid label name '\(name)'")
            precondition(name != reserved, "label name '\(name)' is reserved here")
            precondition(i == 0 || sorted[i - 1].0 != name, "duplicate label name '\(name)'")
        }
        text = PrometheusText.labels(given)
        key = given.elementsEqual(sorted, by: { $0.0 == $1.0 }) ? text : PrometheusText.labels(sorted)
    }
}

/// One registered time series.
enum Metric: Sendable {
    case counter(Counter)
    case gauge(Gauge)
    case histogram(Histogram)
}

/// The series sharing a metric name, keyed by `LabelSet.key`.
struct Family: Sendable {
    let help: String
    let type: MetricType
    var series: [String: (labels: String, metric: Metric)] = [:]

    /// Writes the header and every series, ordered by label set.
    func write(to writer: inout PrometheusText.Writer, name: String) {
        writer.header(name, help: help, type: type)
        for (_, entry) in series.sorted(by: { $0.key < $1.key }) {
            switch entry.metric {
            case .counter(let counter):
                writer.sample(name, labels: entry.labels, value: String(counter.value))
            case .gauge(let gauge):
                writer.sample(name, labels: entry.labels, value: PrometheusText.number(gauge.value))
            case .histogram(let histogram):
                histogram.write(to: &writer, name: name, labels: entry.labels)
            }
        }
    }
}

/// Everything a `MetricsRegistry` guards with its mutex.
struct RegistryState: Sendable {
    var families: [String: Family] = [:]
    var collectors: [@Sendable () -> [MetricFamilySnapshot]] = []
}
