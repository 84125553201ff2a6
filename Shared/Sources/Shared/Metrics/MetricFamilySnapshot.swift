/// The `# TYPE` of a metric family.
public enum MetricType: String, Sendable {
    /// A monotonically increasing count.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Cumulative buckets plus `_sum` and `_count`.
    case histogram
    /// Quantiles plus `_sum` and `_count`.
    case summary
    /// Anything else.
    case untyped
}

/// A metric family computed at scrape time by a collector registered with
/// `MetricsRegistry.registerCollector(_:)`, e.g. process memory or a pool's idle connections.
public struct MetricFamilySnapshot: Sendable {
    /// One sample line: the family name plus `suffix`, its labels and its value.
    public struct Sample: Sendable {
        /// Appended to the family name, e.g. `_bucket`; empty for plain counters and gauges.
        public var suffix: String
        /// Label names and (unescaped) values, rendered in this order.
        public var labels: [(name: String, value: String)]
        /// The sample value.
        public var value: Double

        /// A sample; label values are escaped when rendered.
        public init(suffix: String = "", labels: KeyValuePairs<String, String> = [:], value: Double) {
            self.suffix = suffix
            self.labels = labels.map { (name: $0.key, value: $0.value) }
            self.value = value
        }
    }

    /// The family name, e.g. `process_open_fds`.
    public var name: String
    /// The `# HELP` text.
    public var help: String
    /// The `# TYPE`.
    public var type: MetricType
    /// The sample lines, rendered in this order.
    public var samples: [Sample]

    /// A family with any number of samples.
    public init(name: String, help: String, type: MetricType, samples: [Sample]) {
        self.name = name
        self.help = help
        self.type = type
        self.samples = samples
    }

    /// A family with a single sample, the common case for counters and gauges.
    public init(name: String, help: String, type: MetricType, value: Double,
                labels: KeyValuePairs<String, String> = [:]) {
        self.init(name: name, help: help, type: type, samples: [Sample(labels: labels, value: value)])
    }

    /// Writes the family's header and samples.
    func write(to writer: inout PrometheusText.Writer) {
        writer.header(name, help: help, type: type)
        for sample in samples {
            writer.sample(name, suffix: sample.suffix,
                          labels: PrometheusText.labels(sample.labels.lazy.map { ($0.name, $0.value) }),
                          value: PrometheusText.number(sample.value))
        }
    }
}
