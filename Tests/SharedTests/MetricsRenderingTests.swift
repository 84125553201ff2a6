import Testing
import Shared

@Test("renders a small registry exactly") func goldenRendering() {
    let registry = MetricsRegistry()
    registry.counter("http_requests_total", help: "Requests served.",
                     labels: ["method": "POST", "status": "201"]).increment()
    registry.counter("http_requests_total", help: "Requests served.",
                     labels: ["method": "GET", "status": "200"]).increment(by: 3)
    registry.counter("jobs_total", help: "Jobs run.").increment(by: 2)
    registry.gauge("connections", help: "Open connections.").set(2.5)
    let latency = registry.histogram("request_seconds", help: "Request latency.",
                                     labels: ["route": "/x"], buckets: [0.1, 1])
    for value in [0.0625, 0.5, 3] { latency.observe(value) }

    #expect(registry.render() == """
        # HELP connections Open connections.
        # TYPE connections gauge
        connections 2.5
        # HELP http_requests_total Requests served.
        # TYPE http_requests_total counter
        http_requests_total{method="GET",status="200"} 3
        http_requests_total{method="POST",status="201"} 1
        # HELP jobs_total Jobs run.
        # TYPE jobs_total counter
        jobs_total 2
        # HELP request_seconds Request latency.
        # TYPE request_seconds histogram
        request_seconds_bucket{route="/x",le="0.1"} 1
        request_seconds_bucket{route="/x",le="1"} 2
        request_seconds_bucket{route="/x",le="+Inf"} 3
        request_seconds_sum{route="/x"} 3.5625
        request_seconds_count{route="/x"} 3

        """)
}

@Test("escapes label values and help text") func escaping() {
    let registry = MetricsRegistry()
    registry.counter("odd_total", help: "Back\\slash and\nnewline.",
                     labels: ["path": "C:\\dir \"quoted\"\nnext"]).increment()
    #expect(registry.render() == """
        # HELP odd_total Back\\\\slash and\\nnewline.
        # TYPE odd_total counter
        odd_total{path="C:\\\\dir \\"quoted\\"\\nnext"} 1

        """)
}

@Test("formats special and fractional values like Prometheus clients") func numberFormatting() {
    let registry = MetricsRegistry()
    let cases: [(String, Double, String)] = [
        ("a_nan", .nan, "NaN"), ("b_pos_inf", .infinity, "+Inf"), ("c_neg_inf", -.infinity, "-Inf"),
        ("d_integral", 42, "42"), ("e_negative", -7, "-7"), ("f_fraction", 0.25, "0.25"),
        ("g_tiny", 1e-05, "1e-05"), ("h_huge", 1e300, "1e+300"), ("i_zero", -0.0, "0"),
    ]
    for (name, value, _) in cases { registry.gauge(name, help: "x").set(value) }
    let values = registry.render().split(separator: "\n").filter { !$0.hasPrefix("#") }
        .map { String($0.split(separator: " ")[1]) }
    #expect(values == cases.map(\.2))
}

@Test("histogram bounds are inclusive and the defaults end at 10 s") func histogramBuckets() {
    let registry = MetricsRegistry()
    let histogram = registry.histogram("latency_seconds", help: "Latency.")
    #expect(histogram.upperBounds == Histogram.defaultBuckets)
    #expect(histogram.upperBounds.count == 14 && histogram.upperBounds.last == 10)
    histogram.observe(0.0005)
    histogram.observe(11)
    let lines = registry.render().split(separator: "\n").map(String.init)
    #expect(lines.contains("latency_seconds_bucket{le=\"0.0005\"} 1"))
    #expect(lines.contains("latency_seconds_bucket{le=\"10\"} 1"))
    #expect(lines.contains("latency_seconds_bucket{le=\"+Inf\"} 2"))
    #expect(lines.contains("latency_seconds_count 2"))
    #expect(lines.filter { $0.hasPrefix("latency_seconds_bucket") }.count == 15)
    #expect(histogram.count == 2 && histogram.sum == 11.0005)
}

@Test("collectors render at scrape time, sorted in, never clashing") func collectors() {
    let registry = MetricsRegistry()
    let source = registry.gauge("source", help: "Read by the collector.")
    registry.counter("b_total", help: "Registered.").increment()
    registry.registerCollector {
        [MetricFamilySnapshot(name: "c_value", help: "Collected.", type: .gauge, value: source.value,
                              labels: ["k": "v\""]),
         MetricFamilySnapshot(name: "a_value", help: "Collected.", type: .untyped, value: 1),
         MetricFamilySnapshot(name: "b_total", help: "Clashes.", type: .gauge, value: 99)]
    }
    source.set(5)
    let text = registry.render()
    #expect(text == """
        # HELP a_value Collected.
        # TYPE a_value untyped
        a_value 1
        # HELP b_total Registered.
        # TYPE b_total counter
        b_total 1
        # HELP c_value Collected.
        # TYPE c_value gauge
        c_value{k="v\\""} 5
        # HELP source Read by the collector.
        # TYPE source gauge
        source 5

        """)
}

@Test("output ends with a newline; an empty registry renders nothing") func trailingNewline() {
    let registry = MetricsRegistry()
    #expect(registry.render() == "")
    registry.gauge("up", help: "Up.").set(1)
    #expect(registry.render().hasSuffix(" 1\n"))
    #expect(MetricsRegistry.contentType == "text/plain; version=0.0.4; charset=utf-8")
}
