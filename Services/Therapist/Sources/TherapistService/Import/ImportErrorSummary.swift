internal import Shared

/// One failed therapist (or file) of a cycle (therapist.md §6.2).
struct ImportFailure: Sendable, Equatable {
    /// The file's statistics label (`20250115/52062.json`, `URGENT/x.json`).
    var file: String
    /// `"<first_name> <last_name>"`, `"Index <n>"` for an exception, or `""` for a whole file.
    var therapist: String
    var error: String
}

/// The error summary mail of a cycle (therapist.md §6.4).
struct ImportErrorSummary: Sendable, Equatable {
    let subject: String
    let message: String

    /// The summary of `failures` among `succeeded` + `failures.count` processed therapists.
    init(failures: [ImportFailure], succeeded: Int) {
        let total = succeeded + failures.count
        let rate = total == 0 ? 0 : Double(succeeded) / Double(total) * 100
        subject = "Therapist Import - \(failures.count) Failures"
        var lines = ["Therapist Import Summary", String(repeating: "=", count: 50),
                     "Total therapists processed: \(total)", "Failed imports: \(failures.count)",
                     "Success rate: \(pythonOneDecimal(rate))%", "", "Errors by Type:", String(repeating: "-", count: 30)]
        var order: [String] = [], groups: [String: [ImportFailure]] = [:]
        for failure in failures {
            let type = Self.type(of: failure.error)
            if groups[type] == nil { order.append(type) }
            groups[type, default: []].append(failure)
        }
        for type in order {
            let group = groups[type]!
            lines.append("")
            lines.append("\(type): \(group.count) occurrences")
            for failure in group.prefix(3) { lines.append("  - \(failure.therapist) (\(Self.fileName(failure.file)))") }
            if group.count > 3 { lines.append("  ... and \(group.count - 3) more") }
        }
        lines += ["", "Detailed Error List:", String(repeating: "-", count: 30)]
        for (index, failure) in failures.prefix(20).enumerated() {
            lines += ["\(index + 1). File: \(failure.file)", "   Therapist: \(failure.therapist)", "   Error: \(failure.error)"]
        }
        if failures.count > 20 { lines += ["", "... and \(failures.count - 20) more errors"] }
        message = lines.joined(separator: "\n")
    }

    /// `Duplicate therapist` for texts containing `already exists`; the part before the first
    /// `:` for texts containing `Invalid`; otherwise the text itself.
    static func type(of error: String) -> String {
        if error.contains("already exists") { return "Duplicate therapist" }
        if error.contains("Invalid") { return String(error.prefix { $0 != ":" }) }
        return error
    }

    static func fileName(_ file: String) -> String { String(file.split(separator: "/").last ?? Substring(file)) }
}
