import Synchronization

/// The process's Prometheus metrics: counters, gauges and histograms created on first use,
/// plus collectors evaluated at scrape time, rendered in text exposition format 0.0.4.
///
/// Look-ups take a mutex and render their label set, so call `counter`/`gauge`/`histogram`
/// once (at start-up or per route) and keep the returned instance; updating it is lock-free.
public final class MetricsRegistry: Sendable {
    /// The `Content-Type` of `render()`'s output.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let state = Mutex(RegistryState())

    /// An empty registry.
    public init() {}

    /// The counter `name` with `labels`, created on first use; the same name and labels (in
    /// any order) return the same instance. The first `help` given for a name is kept.
    /// Reusing a name registered with another type is a programming error.
    public func counter(_ name: String, help: String,
                        labels: KeyValuePairs<String, String> = [:]) -> Counter {
        let metric = series(name, help: help, type: .counter, labels: LabelSet(labels)) {
            .counter(Counter())
        }
        guard case .counter(let counter) = metric else { preconditionFailure("unreachable") }
        return counter
    }

    /// The gauge `name` with `labels`, created on first use; see `counter(_:help:labels:)`.
    public func gauge(_ name: String, help: String,
                      labels: KeyValuePairs<String, String> = [:]) -> Gauge {
        let metric = series(name, help: help, type: .gauge, labels: LabelSet(labels)) {
            .gauge(Gauge())
        }
        guard case .gauge(let gauge) = metric else { preconditionFailure("unreachable") }
        return gauge
    }

    /// The histogram `name` with `labels`, created on first use with `buckets` (strictly
    /// increasing finite upper bounds; `+Inf` is implied). An existing series keeps its
    /// buckets. The label name `le` is reserved. See `counter(_:help:labels:)`.
    public func histogram(_ name: String, help: String,
                          labels: KeyValuePairs<String, String> = [:],
                          buckets: [Double] = Histogram.defaultBuckets) -> Histogram {
        let labelSet = LabelSet(labels, reserved: "le")
        let metric = series(name, help: help, type: .histogram, labels: labelSet) {
            .histogram(Histogram(buckets: buckets))
        }
        guard case .histogram(let histogram) = metric else { preconditionFailure("unreachable") }
        return histogram
    }

    /// Adds a function called on every `render()` for values computed at scrape time. A
    /// family whose name is already taken, by a registered metric or by an earlier collected
    /// family, is skipped so that the output stays valid.
    public func registerCollector(_ collect: @escaping @Sendable () -> [MetricFamilySnapshot]) {
        state.withLock { $0.collectors.append(collect) }
    }

    /// All families in text exposition format 0.0.4, sorted by name, each with `# HELP` and
    /// `# TYPE`; every line ends in `\n`. Collectors run outside the registry's lock.
    public func render() -> String {
        let (families, collectors) = state.withLock { ($0.families, $0.collectors) }
        var entries: [(name: String, registered: Family?, collected: MetricFamilySnapshot?)] =
            families.map { ($0.key, $0.value, nil) }
        var taken = Set(families.keys)
        for collect in collectors {
            for snapshot in collect() where taken.insert(snapshot.name).inserted {
                entries.append((snapshot.name, nil, snapshot))
            }
        }
        entries.sort { $0.name < $1.name }
        var writer = PrometheusText.Writer()
        for entry in entries {
            entry.registered?.write(to: &writer, name: entry.name)
            entry.collected?.write(to: &writer)
        }
        return writer.output
    }

    private func series(_ name: String, help: String, type: MetricType, labels: LabelSet,
                        make: () -> Metric) -> Metric {
        precondition(PrometheusText.isValidMetricName(name), "invalid metric name '\(name)'")
        return state.withLock { state in
            if let family = state.families[name] {
                precondition(family.type == type,
                             "metric '\(name)' is already registered as a \(family.type.rawValue)")
                if let existing = family.series[labels.key] { return existing.metric }
            } else {
                state.families[name] = Family(help: help, type: type)
            }
            let metric = make()
            state.families[name]?.series[labels.key] = (labels.text, metric)
            return metric
        }
    }
}
