import Synchronization

/// Counts observations (typically durations in seconds) into buckets with fixed upper bounds,
/// plus their sum, rendered as Prometheus cumulative `_bucket`, `_sum` and `_count` lines.
///
/// `observe` is a short linear scan of the bounds, one relaxed atomic add on the matching
/// bucket and a compare-and-swap loop on the sum. The total count is derived from the buckets
/// at scrape time, so `_count` always equals the `+Inf` bucket.
public final class Histogram: @unchecked Sendable {
    // @unchecked: `counts` is allocated and initialised in `init`, never reassigned, and only
    // touched through the atomics it points to until `deinit`.

    /// Latency buckets in seconds, from 0.5 ms to 10 s, suited to HTTP handlers.
    public static let defaultBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    /// The finite upper bounds, strictly increasing; the implicit last bucket is `+Inf`.
    public let upperBounds: [Double]
    /// One non-cumulative count per bound plus one for the `+Inf` overflow bucket.
    private let counts: UnsafeMutablePointer<Atomic<UInt64>>
    private let sumBits = Atomic<UInt64>(0.0.bitPattern)
    /// The rendered `le` label values, `+Inf` last.
    let leValues: [String]

    /// `buckets` must be strictly increasing and free of NaN; a trailing `+Inf` is implied and
    /// dropped if given.
    init(buckets: [Double]) {
        var bounds = buckets
        if bounds.last == .infinity { bounds.removeLast() }
        for (i, bound) in bounds.enumerated() {
            precondition(!bound.isNaN && bound.isFinite, "histogram bucket bounds must be finite")
            precondition(i == 0 || bounds[i - 1] < bound, "histogram buckets must be strictly increasing")
        }
        upperBounds = bounds
        leValues = bounds.map(PrometheusText.number) + ["+Inf"]
        counts = .allocate(capacity: bounds.count + 1)
        for i in 0...bounds.count { (counts + i).initialize(to: Atomic(0)) }
    }

    deinit {
        counts.deinitialize(count: upperBounds.count + 1)
        counts.deallocate()
    }

    /// Records one observation. NaN lands in the `+Inf` bucket (and makes the sum NaN).
    public func observe(_ value: Double) {
        var index = 0
        let n = upperBounds.count
        while index < n, !(value <= upperBounds[index]) { index += 1 }
        counts[index].wrappingAdd(1, ordering: .relaxed)
        var current = sumBits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + value).bitPattern
            let (exchanged, original) = sumBits.weakCompareExchange(
                expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// The number of observations so far.
    public var count: UInt64 { cumulativeCounts().last ?? 0 }

    /// The sum of all observations so far.
    public var sum: Double { Double(bitPattern: sumBits.load(ordering: .relaxed)) }

    /// Cumulative counts per bucket, `+Inf` last (so the last element is the total count).
    func cumulativeCounts() -> [UInt64] {
        var result = [UInt64]()
        result.reserveCapacity(upperBounds.count + 1)
        var running: UInt64 = 0
        for i in 0...upperBounds.count {
            running &+= counts[i].load(ordering: .relaxed)
            result.append(running)
        }
        return result
    }

    /// Writes the `_bucket`, `_sum` and `_count` lines of one series.
    func write(to writer: inout PrometheusText.Writer, name: String, labels: String) {
        let cumulative = cumulativeCounts()
        let prefix = labels.isEmpty ? "le=\"" : labels + ",le=\""
        for (le, count) in zip(leValues, cumulative) {
            writer.sample(name, suffix: "_bucket", labels: prefix + le + "\"", value: String(count))
        }
        writer.sample(name, suffix: "_sum", labels: labels, value: PrometheusText.number(sum))
        writer.sample(name, suffix: "_count", labels: labels, value: String(cumulative.last ?? 0))
    }
}
