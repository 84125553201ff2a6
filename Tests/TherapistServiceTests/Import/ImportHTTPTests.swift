import Foundation
import Synchronization
import Testing
import Shared
import TestSupport
@testable import TherapistService

@Suite("Import status and health over HTTP")
struct ImportHTTPTests {
    static func harness(_ extra: [String: String] = [:]) async throws -> (ServiceHarness<TherapistApp>, PeerStub, String) {
        let communication = try await PeerStub(routes: [(.post, "/api/system-messages")])
        let base = TherapistFixture.newFolder()
        var values = TherapistFixture.baseEnvironment(base: base)
        values["COMMUNICATION_SERVICE_URL"] = communication.url
        values.merge(extra) { $1 }
        return (try await ServiceHarness<TherapistApp>(environment: values), communication, base)
    }

    @Test("import-status wins over /api/therapists/{id}; shape of §2.7 after a cycle with a failure; /health/import is 200")
    func statusAndHealth() async throws {
        let (harness, communication, base) = try await Self.harness()
        let http = HTTPClient()
        defer { http.shutdown(); try? FileManager.default.removeItem(atPath: base) }
        let api = APIClient(port: harness.port, http: http)
        let plz = ImportDatabaseTests.plz()
        try ImportDatabaseTests.place([ImportDatabaseTests.entry("Anna", "Http", plz: plz), ["basic_info": ["first_name": "Ohne"],
                                       "therapy_methods": ["Verhaltenstherapie (Erwachsene)"]]], base: base + "/import", name: "\(plz).json")
        await harness.runtime.app.importer.runCycle()
        let status = try await api.call(.get, "/api/therapists/import-status")
        #expect(status.status == 200)
        #expect(status.json.objectValue?.keys == ["running", "last_check", "last_import_run", "next_import_run", "files_processed_today",
                                                   "therapists_processed_today", "therapists_failed_today", "last_error", "last_error_time",
                                                   "total_files_processed", "total_therapists_processed", "total_therapists_failed",
                                                   "recent_imports"])
        #expect(status.json["running"] == true && status.json["last_check"] == status.json["last_import_run"])
        let last = try #require(status.json["last_import_run"]?.stringValue.flatMap { UTCTimestamp(iso8601: $0) })
        #expect(status.json["next_import_run"]?.stringValue.flatMap { UTCTimestamp(iso8601: $0) } == last.adding(seconds: 86_400))
        let recent = try #require(status.json["recent_imports"]?.arrayValue?.last)
        #expect(recent.objectValue?.keys == ["file", "therapist_count", "success_count", "failed_count", "time"])
        #expect(recent["file"] == .string("20261120/\(plz).json") && recent["therapist_count"] == 2)
        #expect(recent["success_count"] == 1 && recent["failed_count"] == 1)
        let note = try #require(communication.received.first { $0.target == "/api/system-messages" }?.json)
        #expect(note["subject"] == "Therapist Import - 1 Failures" && note["sender_name"] == "Therapist Import System")
        #expect(note["message"]?.stringValue?.contains("Failed to map therapist data: 1 occurrences") == true)
        let health = try await api.call(.get, "/health/import")
        #expect(health.status == 200 && health.json["status"] == "healthy" && health.json["service"] == "therapist-import-monitor")
        #expect(health.json["details"]?.objectValue?.keys == ["monitor_running", "last_check", "files_processed_today",
                                                               "therapists_processed_today", "therapists_failed_today",
                                                               "last_error", "last_error_time", "issues"])
        // The id route still serves ids.
        #expect(try await api.call(.get, "/api/therapists/999999999").status == 404)
        _ = await harness.shutdown()
        await communication.stop()
    }

    @Test("THERAPIST_IMPORT_ENABLED=false: no automatic cycle, /health/import is 200 and unhealthy (not running)")
    func disabled() async throws {
        let (harness, communication, base) = try await Self.harness(["THERAPIST_IMPORT_ENABLED": "false"])
        let http = HTTPClient()
        defer { http.shutdown(); try? FileManager.default.removeItem(atPath: base) }
        let api = APIClient(port: harness.port, http: http)
        let health = try await api.call(.get, "/health/import")
        #expect(health.status == 200 && health.json["status"] == "unhealthy")
        #expect(health.json["details"]?["issues"] == ["Import monitor not running"])
        #expect(health.json["details"]?["last_check"] == .null)
        _ = await harness.shutdown()
        await communication.stop()
    }

    @Test("the route table: the literal import-status segment wins over {id} whatever the registration order")
    func routeOrder() {
        var router = Router()
        router.get("/api/therapists/{id}") { _, _ in .json(bytes: []) }
        router.get("/api/therapists/import-status") { _, _ in .json(bytes: []) }
        guard case .found(let route, let parameters) = router.match(.get, path: "/api/therapists/import-status") else {
            Issue.record("no route")
            return
        }
        #expect(route.template == "/api/therapists/import-status" && parameters.isEmpty)
        guard case .found(let idRoute, _) = router.match(.get, path: "/api/therapists/12") else { Issue.record("no id route"); return }
        #expect(idRoute.template == "/api/therapists/{id}")
    }

    @Test("import-now prints a one-line JSON summary and exits 0 when nothing failed, 1 otherwise")
    func importNow() async throws {
        let base = TherapistFixture.newFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        var values = TherapistFixture.baseEnvironment(base: base)
        values.merge(TestDatabase.serviceEnvironment) { $1 }
        values["MIGRATIONS_DIR"] = TestDatabase.migrationsDirectory("therapist")
        try await TestDatabase.migrate(TherapistApp.self, environment: values)
        let plz = ImportDatabaseTests.plz()
        try ImportDatabaseTests.place([ImportDatabaseTests.entry("Anna", "Cli", plz: plz)], base: base + "/import", name: "\(plz).json")
        let lines = PrintedLines()
        let ok = await ServiceMain.command("import-now", TherapistApp.self, arguments: [], environment: Environment(values),
                                           print: { lines.append($0) })
        #expect(ok == 0)
        #expect(lines.all == [#"{"files":1,"failed_files":0,"therapists_processed":1,"therapists_failed":0,"therapists_skipped":0,"created":1,"updated":0,"unchanged":0,"cycle_error":null}"#])
        try "{".write(toFile: base + "/import/20261120/broken.json", atomically: true, encoding: .utf8)
        let failed = await ServiceMain.command("import-now", TherapistApp.self, arguments: [], environment: Environment(values),
                                               print: { lines.append($0) })
        #expect(failed == 1)
        #expect(lines.all.last?.contains(#""failed_files":1"#) == true)
    }
}

/// Lines printed by a command.
final class PrintedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
