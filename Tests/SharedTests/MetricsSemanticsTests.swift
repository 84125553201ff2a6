import Testing
import Shared

@Test("same name and labels return the same instance") func sameInstance() {
    let registry = MetricsRegistry()
    let a = registry.counter("hits_total", help: "Hits.", labels: ["x": "1", "y": "2"])
    #expect(a === registry.counter("hits_total", help: "Hits.", labels: ["x": "1", "y": "2"]))
    #expect(a === registry.counter("hits_total", help: "Other.", labels: ["y": "2", "x": "1"]))
    #expect(a !== registry.counter("hits_total", help: "Hits.", labels: ["x": "1", "y": "3"]))
    #expect(a !== registry.counter("hits_total", help: "Hits."))
    let gauge = registry.gauge("level", help: "Level.")
    #expect(gauge === registry.gauge("level", help: "Level."))
    let histogram = registry.histogram("wait_seconds", help: "Wait.", buckets: [1])
    #expect(histogram === registry.histogram("wait_seconds", help: "Wait.", buckets: [2]))
    #expect(histogram.upperBounds == [1])
}

@Test("reusing a name with another type is a programming error") func typeClashTraps() async {
    await #expect(processExitsWith: .failure) {
        let registry = MetricsRegistry()
        _ = registry.counter("thing", help: "A counter.")
        _ = registry.gauge("thing", help: "Now a gauge.")
    }
}

@Test("gauge set, add, increment and decrement") func gaugeArithmetic() {
    let gauge = MetricsRegistry().gauge("queue_depth", help: "Depth.")
    #expect(gauge.value == 0)
    gauge.set(10)
    gauge.add(2.5)
    gauge.add(-0.5)
    gauge.increment()
    gauge.decrement()
    gauge.decrement()
    #expect(gauge.value == 11)
    gauge.set(-3.25)
    #expect(gauge.value == -3.25)
}

@Test("counter increments by one and by amounts") func counterArithmetic() {
    let counter = MetricsRegistry().counter("bytes_total", help: "Bytes.")
    counter.increment()
    counter.increment(by: 41)
    counter.increment(by: 0)
    #expect(counter.value == 42)
}

@Test("concurrent updates from 8 tasks × 10 000 add up exactly") func concurrentUpdates() async {
    let registry = MetricsRegistry()
    let counter = registry.counter("events_total", help: "Events.")
    let gauge = registry.gauge("balance", help: "Balance.")
    let histogram = registry.histogram("size", help: "Size.", buckets: [1, 2])
    await withTaskGroup(of: Void.self) { group in
        for task in 0..<8 {
            group.addTask {
                for i in 0..<10_000 {
                    counter.increment()
                    gauge.add(1)
                    histogram.observe(Double((task + i) % 3))
                }
            }
        }
    }
    #expect(counter.value == 80_000)
    #expect(gauge.value == 80_000)
    #expect(histogram.count == 80_000)
    let expectedSum = (0..<8).reduce(0) { total, task in
        total + (0..<10_000).reduce(0) { $0 + (task + $1) % 3 }
    }
    #expect(histogram.sum == Double(expectedSum))  // integral values: the sum is exact
}

@Test("registry look-ups from many tasks converge on one instance") func concurrentLookups() async {
    let registry = MetricsRegistry()
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<8 {
            group.addTask {
                for _ in 0..<1_000 {
                    registry.counter("shared_total", help: "Shared.", labels: ["k": "v"]).increment()
                }
            }
        }
    }
    #expect(registry.counter("shared_total", help: "Shared.", labels: ["k": "v"]).value == 8_000)
}
