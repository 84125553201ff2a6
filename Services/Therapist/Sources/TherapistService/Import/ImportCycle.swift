internal import Foundation
internal import Shared

/// What one cycle did (the `import-now` summary).
public struct ImportCycleSummary: Sendable, Equatable {
    public var files = 0
    /// Therapists created or updated (unchanged ones included).
    public var processed = 0
    public var failed = 0
    public var skipped = 0
    public var created = 0
    /// Updates that wrote a change.
    public var changed = 0
    public var unchanged = 0
    /// Files that could not be read or parsed.
    public var failedFiles = 0
    /// The exception that ended the cycle early, if any.
    public var cycleError: String?

    /// True when nothing failed.
    public var succeeded: Bool { failed == 0 && failedFiles == 0 && cycleError == nil }

    /// One line of JSON: `{"files":…,"therapists_processed":…,"therapists_failed":…,…}`.
    public var json: String {
        let counts: [(String, Int)] = [("files", files), ("failed_files", failedFiles), ("therapists_processed", processed),
                                       ("therapists_failed", failed), ("therapists_skipped", skipped), ("created", created),
                                       ("updated", changed), ("unchanged", unchanged)]
        var object = JSONObject(counts.map { (key: $0.0, value: .number(String($0.1))) })
        object["cycle_error"] = cycleError.map(JSONValue.string) ?? .null
        return JSONWriter().string(.object(object))
    }
}

/// One pass over the import folders (therapist.md §6.1, §6.2).
struct ImportCycle: Sendable {
    let folder: ImportFolder
    let importer: TherapistImport
    let statistics: ImportStatistics
    let notifier: ImportNotifier
    let logger: Logger
    let clock: @Sendable () -> UTCTimestamp
    /// Lists the files (the folder's `scan`; tests replace it to simulate a failing listing).
    var scan: @Sendable (ImportFolder) throws -> (files: [ImportFile], baseExists: Bool) = { try $0.scan() }

    /// Imports every file the folders offer, then sends the error summary when something failed.
    func run() async -> ImportCycleSummary {
        statistics.recordCheck()
        var summary = ImportCycleSummary()
        var failures: [ImportFailure] = []
        do {
            let (files, baseExists) = try scan(folder)
            if !baseExists { logger.warning("import folder does not exist; no regular files", ["folder": folder.base]) }
            for file in files { await process(file, into: &summary, failures: &failures) }
        } catch {
            let text = "Import cycle failed: \(error)"
            summary.cycleError = text
            statistics.recordError(text)
            logger.error("import cycle failed", ["error": String(describing: error)])
            await notifier.cycleFailed(text)
        }
        if !failures.isEmpty { await notifier.summary(ImportErrorSummary(failures: failures, succeeded: summary.processed)) }
        logger.info("import cycle finished", ["summary": summary.json])
        return summary
    }

    private func process(_ file: ImportFile, into summary: inout ImportCycleSummary, failures: inout [ImportFailure]) async {
        summary.files += 1
        let document: ImportDocument
        do {
            guard let data = FileManager.default.contents(atPath: file.path) else { throw ImportFileError.unreadable("no access") }
            document = try ImportDocument(bytes: Array(data))
        } catch {
            let text = (error as? ImportFileError)?.description ?? String(describing: error)
            failures.append(ImportFailure(file: file.label, therapist: "", error: text))
            summary.failedFiles += 1
            statistics.recordError("\(file.label): \(text)")
            statistics.recordFile(file.label, therapists: 0, success: 0, failed: 0)
            logger.warning("import file rejected", ["file": file.label, "error": text])
            return
        }
        let today = clock().date
        var success = 0, failed = 0
        for (index, entry) in document.therapists.enumerated() {
            guard ImportDocument.isImported(entry) else { summary.skipped += 1; continue }
            let outcome: ImportOutcome
            do { outcome = try await importer.run(entry, today: today) } catch {
                failed += 1
                failures.append(ImportFailure(file: file.label, therapist: "Index \(index)", error: String(describing: error)))
                continue
            }
            switch outcome {
            case .created: summary.created += 1; success += 1
            case .updated(_, let changed): if changed { summary.changed += 1 } else { summary.unchanged += 1 }; success += 1
            case .failed(let message):
                failed += 1
                failures.append(ImportFailure(file: file.label, therapist: Self.name(entry), error: message))
            }
        }
        summary.processed += success
        summary.failed += failed
        statistics.recordFile(file.label, therapists: document.therapists.count, success: success, failed: failed)
        if failed > 0 { statistics.recordError("\(file.label): \(failed) therapist(s) failed") }
    }

    /// `"<first_name> <last_name>"` as the file gives them (`""` for missing parts).
    static func name(_ entry: JSONValue) -> String {
        let basic = entry["basic_info"]
        return "\(ImportedTherapist.text(basic?["first_name"]) ?? "") \(ImportedTherapist.text(basic?["last_name"]) ?? "")"
    }
}
