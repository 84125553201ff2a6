import Foundation
import Testing
import Shared
import TestSupport
@testable import PatientService

@Test("patient service starts, serves health and metrics, and stops cleanly")
func servesPlatformEndpoints() async throws {
    #expect(PatientApp.descriptor.name == "patient")
    #expect(try await expectServesPlatformEndpoints(PatientApp.self, environment: PatientFixture.baseEnvironment()) == [])
}

@Test("without a reachable database the service runs but is not ready, and says why")
func unreadyWithoutDatabase() async throws {
    let harness = try await ServiceHarness<PatientApp>(environment: PatientFixture.baseEnvironment().merging(["DB_PORT": "1", "PGBOUNCER_PORT": "1"]) { $1 }, migrate: false)
    let port = harness.port
    let response = try await blocking { () -> RawResponse? in
        let client = try RawClient(port: port)
        client.send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
        return client.readResponse()
    }
    #expect(await harness.shutdown() == 0)
    #expect(response?.status == 503)
    #expect(response?.text.contains(#""status":"unhealthy""#) == true)
    #expect(response?.text.contains(#""database":{"status":"unhealthy","critical":true"#) == true)
}

@Test("while a migration is pending the service is not ready and names the check")
func unreadyWithPendingMigration() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pending-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let baseline = TestDatabase.migrationsDirectory("patient") + "/V0001__create_schema.sql"
    try FileManager.default.copyItem(atPath: baseline, toPath: folder.appendingPathComponent("V0001__create_schema.sql").path)
    try "SELECT 1;\n".write(to: folder.appendingPathComponent("V9999__not_yet_applied.sql"), atomically: true, encoding: .utf8)
    let harness = try await ServiceHarness<PatientApp>(environment: PatientFixture.baseEnvironment().merging(["MIGRATIONS_DIR": folder.path]) { $1 }, migrate: false)
    let port = harness.port
    let response = try await blocking { () -> RawResponse? in
        let client = try RawClient(port: port)
        client.send("GET /health/ready HTTP/1.1\r\nHost: test\r\n\r\n")
        return client.readResponse()
    }
    #expect(await harness.shutdown() == 0)
    #expect(response?.status == 503)
    #expect(response?.text.contains(#""migrations":{"status":"unhealthy","critical":true,"detail":"#) == true)
    #expect(response?.text.contains("run `patient migrate status`") == true)
}
