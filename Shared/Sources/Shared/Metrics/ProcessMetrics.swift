internal import CSystem

/// The standard Prometheus `process_*` metrics plus `curavani_build_info`, read from `/proc`
/// and the C library on every scrape.
public enum ProcessMetrics {
    /// Registers a collector on `registry` reporting CPU time, resident and virtual memory,
    /// open and maximum file descriptors, start time and thread count of this process, and
    /// `curavani_build_info{service,version,commit} 1`. A value that cannot be read (e.g. no
    /// `/proc`) is left out.
    public static func register(on registry: MetricsRegistry, service: String, version: String,
                                commit: String) {
        let startTime = ProcFS.processStartTime() ?? ProcFS.now()
        registry.registerCollector {
            collect(startTime: startTime, service: service, version: version, commit: commit)
        }
    }

    static func collect(startTime: Double, service: String, version: String,
                        commit: String) -> [MetricFamilySnapshot] {
        var families = [MetricFamilySnapshot]()
        func add(_ name: String, _ help: String, _ value: Double?, type: MetricType = .gauge) {
            guard let value else { return }
            families.append(MetricFamilySnapshot(name: name, help: help, type: type, value: value))
        }
        let cpuMicros = csys_process_cpu_micros()
        add("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
            cpuMicros >= 0 ? Double(cpuMicros) / 1e6 : nil, type: .counter)
        let status = ProcFS.status()
        add("process_resident_memory_bytes", "Resident memory size in bytes.", status["VmRSS"])
        add("process_virtual_memory_bytes", "Virtual memory size in bytes.", status["VmSize"])
        add("process_open_fds", "Number of open file descriptors.",
            ProcFS.openFileDescriptors().map(Double.init))
        add("process_max_fds", "Maximum number of open file descriptors.", ProcFS.maxFileDescriptors())
        add("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
            startTime)
        add("process_threads", "Number of OS threads in the process.", status["Threads"])
        families.append(MetricFamilySnapshot(
            name: "curavani_build_info", help: "Build information; the value is always 1.",
            type: .gauge, value: 1, labels: ["service": service, "version": version, "commit": commit]))
        return families
    }
}
