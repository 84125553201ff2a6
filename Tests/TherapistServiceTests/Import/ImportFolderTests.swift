import Testing
import Shared
@testable import TherapistService

/// therapist.md §6.1, §6.2: which files a cycle reads, and broken files.
@Suite("Import folders and files")
struct ImportFolderTests {
    @Test("urgent files first by name as URGENT/<name>; then per ZIP only the newest 8-digit date folder's file")
    func scan() throws {
        let folder = ImportFolder(base: ImportScenario.folder("folders", "first"))
        let (files, exists) = try folder.scan()
        #expect(exists)
        #expect(files.map(\.label) == ["URGENT/a.json", "URGENT/b.json", "20250110/52064.json", "20250115/52062.json"])
        #expect(files.map(\.name) == ["a.json", "b.json", "52064.json", "52062.json"])
    }

    @Test("the urgent folder is the sibling <basename>_urgent (a trailing slash is ignored)")
    func urgentSibling() {
        #expect(ImportFolder(base: "/scraping_data").urgent == "/scraping_data_urgent")
        #expect(ImportFolder(base: "/data/processed/").urgent == "/data/processed_urgent")
    }

    @Test("a missing base folder is logged and nothing is processed")
    func missingBase() async throws {
        let s = ImportScenario(name: "does-not-exist")
        let (summary, snapshot) = await s.run("first")
        #expect(summary.files == 0 && summary.succeeded)
        #expect(snapshot.lastCheck != nil && snapshot.recent.isEmpty)
        #expect(s.logSink.capturedLines.contains { $0.contains("import folder does not exist") })
    }

    @Test("a cycle imports the newest file per ZIP and the urgent files, and records them under their labels")
    func cycle() async throws {
        let s = ImportScenario(name: "folders")
        let (summary, snapshot) = await s.run("first")
        #expect(summary.files == 4 && summary.created == 4)
        #expect(snapshot.recent.map(\.file) == ["URGENT/a.json", "URGENT/b.json", "20250110/52064.json", "20250115/52062.json"])
        #expect(s.therapist("Anna")?.telefon == "neu")
        #expect(s.therapist("Falsch") == nil)
    }

    @Test("invalid JSON and a missing therapists array are one error each; the other files are imported")
    func brokenFiles() async throws {
        let s = ImportScenario(name: "broken")
        let (summary, snapshot) = await s.run("first")
        #expect(summary.failedFiles == 2 && summary.created == 1 && !summary.succeeded)
        #expect(snapshot.filesProcessedToday == 3)
        let message = try #require(s.communication.messages.first)
        #expect(message.subject == "Therapist Import - 2 Failures")
        #expect(message.message.contains("   Error: Invalid JSON: malformed JSON at byte 32: unexpected end of input"))
        #expect(message.message.contains("1. File: 20250101/52062.json"))
        #expect(message.message.contains("Invalid file structure: missing therapists array"))
        #expect(ImportDocument.isImported(["therapy_methods": ["Verhaltenstherapie (Erwachsene)"]]))
        #expect(throws: ImportFileError.missingTherapists) { try ImportDocument(bytes: Array(#"{"therapists": {}}"#.utf8)) }
    }

    @Test("a cycle exception is recorded and notified as 'Therapist Import Monitor Error'")
    func cycleException() async throws {
        struct ListingFailed: Error, CustomStringConvertible { var description: String { "permission denied" } }
        let s = ImportScenario(name: "folders")
        let logger = Logger(service: "t", level: .debug, sink: s.logSink)
        var cycle = ImportCycle(folder: ImportFolder(base: "/nowhere"), importer: TherapistImport(store: s.store, logger: logger),
                                statistics: ImportStatistics(clock: s.clock.function),
                                notifier: ImportNotifier(communication: s.communication, logger: logger), logger: logger,
                                clock: s.clock.function)
        cycle.scan = { _ in throw ListingFailed() }
        let summary = await cycle.run()
        #expect(summary.cycleError == "Import cycle failed: permission denied" && !summary.succeeded)
        let message = try #require(s.communication.messages.first)
        #expect(message.subject == "Therapist Import Monitor Error" && message.sender == "Therapist Import System")
        #expect(message.message == "The therapist import monitor encountered an error:\n\nImport cycle failed: permission denied")
        #expect(cycle.statistics.snapshot.lastError == "Import cycle failed: permission denied")
    }

    @Test("a notification that cannot be sent is logged only")
    func notificationFailure() async {
        let notifier = ImportNotifier(communication: RecordingCommunication(failing: true),
                                      logger: Logger(service: "t", level: .debug, sink: LogSink.memory()))
        await notifier.cycleFailed("x")
    }
}
