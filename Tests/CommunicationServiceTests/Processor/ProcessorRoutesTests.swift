import Foundation
import Testing
import Shared
import TestSupport
@testable import CommunicationService

@Suite("Processor status and health endpoints (communication.md §7.4)", .serialized)
struct ProcessorRoutesTests {
    static let statusKeys = ["running", "last_check", "verifications_processed_today", "verifications_failed_today",
                             "contacts_processed_today", "contacts_failed_today", "waitlist_processed_today",
                             "waitlist_failed_today", "last_error", "last_error_time", "total_processed", "total_failed",
                             "recent_files"]
    static let healthKeys = ["processor_running", "last_check", "verifications_processed_today", "contacts_processed_today",
                             "waitlist_processed_today", "last_error", "last_error_time", "issues"]

    @Test("disabled: status shape with zeros, health 200 unhealthy 'Processor not running'")
    func disabled() async throws {
        try await CommunicationFixture.with { fixture in
            let status = try await fixture.api.call(.get, "/api/processor/status")
            #expect(status.status == 200)
            #expect(status.json.objectValue?.keys == Self.statusKeys)
            #expect(status.json["running"] == false && status.json["last_check"] == .null)
            #expect(status.json["total_processed"] == 0 && status.json["recent_files"] == [])
            let health = try await fixture.api.call(.get, "/health/processor")
            #expect(health.status == 200)
            #expect(health.json["status"] == "unhealthy" && health.json["service"] == "storage-processor")
            #expect(health.json["details"]?.objectValue?.keys == Self.healthKeys)
            #expect(health.json["details"]?["issues"] == ["Processor not running"])
        }
    }

    @Test("unusable storage settings do not stop the service: 'Monitor startup failed: …'")
    func unusable() async throws {
        try await CommunicationFixture.with(environment: ["STORAGE_PROCESSOR_ENABLED": "true",
                                                          "OBJECT_STORAGE_BACKEND": "swift"]) { fixture in
            let status = try await fixture.api.call(.get, "/api/processor/status")
            let error = try #require(status.json["last_error"]?.stringValue)
            #expect(error.hasPrefix("Monitor startup failed: missing SWIFT_STORAGE_URL"))
            #expect(!error.contains("test-hmac-secret"))
            #expect(status.json["running"] == false && status.json["last_error_time"]?.stringValue != nil)
            let health = try await fixture.api.call(.get, "/health/processor")
            #expect(health.json["details"]?["issues"] == ["Processor not running", "Recent processor error"])
            #expect(try await fixture.api.call(.get, "/health").status == 200)
        }
    }

    @Test("enabled with the local backend: folders prepared, a cycle fills status and recent_files")
    func enabled() async throws {
        try await CommunicationFixture.with(environment: ["STORAGE_PROCESSOR_ENABLED": "true",
                                                          "STORAGE_CHECK_INTERVAL_SECONDS": "3600"]) { fixture in
            let app = fixture.harness.runtime.app
            app.selfAddress.bind(port: fixture.harness.port)
            #expect(app.selfAddress.url == "http://127.0.0.1:\(fixture.harness.port)")
            #expect(FileManager.default.fileExists(atPath: fixture.base + "/storage/test/verifications"))
            let bad = ProcessorBench.signed(.verification, data: Payloads.verification, key: "wrong")
            try await LocalObjectStorage(root: fixture.base + "/storage").put(container: "test", name: "verifications/x.json", bytes: bad)
            await app.processor.runCycle()
            let status = try await fixture.api.call(.get, "/api/processor/status")
            #expect(status.json["running"] == true && status.json["last_check"]?.stringValue?.contains("T") == true)
            #expect(status.json["verifications_failed_today"] == 1 && status.json["total_failed"] == 1)
            #expect(status.json["last_error"] == "Verification x.json: Invalid signature")
            let entry = try #require(status.json["recent_files"]?.arrayValue?.first?.objectValue)
            #expect(entry.keys == ["file", "type", "status", "error", "time"])
            #expect(entry["file"] == "x.json" && entry["type"] == "verification" && entry["status"] == "failed")
            #expect(entry["error"] == "Invalid signature")
            let health = try await fixture.api.call(.get, "/health/processor")
            #expect(health.json["details"]?["issues"] == ["Recent processor error"])
            #expect(!FileManager.default.fileExists(atPath: fixture.base + "/storage/test/verifications/x.json"))
        }
    }
}
