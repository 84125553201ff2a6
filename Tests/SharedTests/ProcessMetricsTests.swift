import Testing
import Shared

/// The values of unlabelled samples, by name, plus every `# TYPE` line's family.
private func parse(_ text: String) -> (values: [String: Double], typed: Set<String>) {
    var values: [String: Double] = [:]
    var typed = Set<String>()
    for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        if words.first == "#", words.count >= 3, words[1] == "TYPE" { typed.insert(String(words[2])) }
        if !line.hasPrefix("#"), words.count == 2, let value = Double(words[1]) {
            values[String(words[0])] = value
        }
    }
    return (values, typed)
}

@Test("process metrics are present with plausible values") func processMetrics() throws {
    let registry = MetricsRegistry()
    ProcessMetrics.register(on: registry, service: "patient", version: "1.2.3", commit: "abc\"def")
    let text = registry.render()
    let (values, typed) = parse(text)
    let names = ["process_cpu_seconds_total", "process_resident_memory_bytes",
                 "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
                 "process_start_time_seconds", "process_threads"]
    for name in names { #expect(typed.contains(name), "\(name) has no # TYPE") }
    #expect(typed.contains("curavani_build_info"))

    let cpu = try #require(values["process_cpu_seconds_total"])
    let rss = try #require(values["process_resident_memory_bytes"])
    let virtual = try #require(values["process_virtual_memory_bytes"])
    let openFDs = try #require(values["process_open_fds"])
    let maxFDs = try #require(values["process_max_fds"])
    let start = try #require(values["process_start_time_seconds"])
    let threads = try #require(values["process_threads"])
    #expect(cpu >= 0)
    #expect(rss > 0 && rss.truncatingRemainder(dividingBy: 1024) == 0)
    #expect(virtual >= rss)
    #expect(openFDs >= 3 && openFDs <= maxFDs)
    #expect(start > 1_600_000_000 && start < 4_000_000_000)
    #expect(threads >= 1)
    #expect(text.contains(
        "curavani_build_info{service=\"patient\",version=\"1.2.3\",commit=\"abc\\\"def\"} 1\n"))
    #expect(text.contains("# TYPE process_cpu_seconds_total counter\n"))
    #expect(text.hasSuffix("\n"))
}

@Test("process metrics are re-read on every scrape") func processMetricsAreLive() throws {
    let registry = MetricsRegistry()
    ProcessMetrics.register(on: registry, service: "s", version: "v", commit: "c")
    let first = try #require(parse(registry.render()).values["process_cpu_seconds_total"])
    var spin = 0.0
    for i in 0..<2_000_000 { spin += Double(i & 7) }
    #expect(spin > 0)
    let second = try #require(parse(registry.render()).values["process_cpu_seconds_total"])
    #expect(second >= first)
}
