import Glibc

/// Reads Linux `/proc` files and resource limits with plain syscalls, for `ProcessMetrics`.
/// Every reader returns nil when its source is unavailable.
enum ProcFS {
    /// The whole file, read with open/read (procfs files report a size of 0, so no fstat).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var contents = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return contents }
            contents.append(contentsOf: chunk[..<n])
        }
    }

    /// `Key: value` lines of `/proc/self/status`, values in their unit (`kB` becomes bytes).
    static func status() -> [String: Double] {
        guard let bytes = read("/proc/self/status") else { return [:] }
        var fields: [String: Double] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, let number = Double(first) else { continue }
            let kilobytes = words.count > 1 && words[1] == "kB"
            fields[String(line[..<colon])] = kilobytes ? number * 1024 : number
        }
        return fields
    }

    /// Open file descriptors: the entries of `/proc/self/fd`, minus the one used to list them.
    static func openFileDescriptors() -> Int? {
        guard let dir = opendir("/proc/self/fd") else { return nil }
        defer { closedir(dir) }
        let own = String(dirfd(dir))
        var count = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != "..", name != own { count += 1 }
        }
        return count
    }

    /// The soft `RLIMIT_NOFILE`.
    static func maxFileDescriptors() -> Double? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        return Double(limit.rlim_cur)
    }

    /// When the process started, in seconds since the Unix epoch: field 22 of
    /// `/proc/self/stat` (clock ticks since boot) plus `btime` from `/proc/stat`.
    static func processStartTime() -> Double? {
        guard let stat = read("/proc/self/stat"),
              let paren = stat.lastIndex(of: UInt8(ascii: ")")),
              let system = read("/proc/stat") else { return nil }
        // Fields after the command name start at field 3 (state), so field 22 is index 19.
        let fields = stat[(paren + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19, let ticks = Double(String(decoding: fields[19], as: UTF8.self)) else {
            return nil
        }
        let bootLine = String(decoding: system, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("btime ") }
        let clockTicks = sysconf(Int32(_SC_CLK_TCK))
        guard let bootLine, let boot = Double(bootLine.dropFirst(6)), clockTicks > 0 else { return nil }
        return boot + ticks / Double(clockTicks)
    }

    /// The wall clock in seconds since the Unix epoch.
    static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
